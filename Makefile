# The two commands of the README. Both install what is missing first.
.PHONY: run test

run:
	@bash scripts/bootstrap.sh
	@.venv/bin/neuvo run

test:
	@bash scripts/bootstrap.sh
	@.venv/bin/neuvo test
