def _parse(text):
    key, value = text.split("=")
    return {key: int(value)}


def load():
    return _parse("PORT=eighty")
