import os


def database_uri():
    user = os.environ["DBUSER"]
    host = os.environ.get("DBHOST", "localhost")
    return f"postgresql://{user}@{host}/reports"
