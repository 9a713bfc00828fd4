from engagewiz.cli.main import run

run()
