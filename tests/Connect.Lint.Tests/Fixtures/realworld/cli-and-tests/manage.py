"""Operations for the team: python manage.py sync (never imported by the app)."""
import click
from connections import ConnectionManager

cm = ConnectionManager(retries=3)
cm.run(["sync", "--all"])
