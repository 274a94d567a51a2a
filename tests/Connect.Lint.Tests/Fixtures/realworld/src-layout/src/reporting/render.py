def render_rows(rows):
    return rows
