from engagewiz.cli.app import run

run()
