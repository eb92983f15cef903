"""The `neuvo` command: train, run, shell, eval, content, test."""
from __future__ import annotations

import argparse
import os
import subprocess
import time
import sys
from pathlib import Path
from typing import List, Optional

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def _cmd_train(args: argparse.Namespace) -> int:
    from bot.training import ensure_model

    print(f"Model: {ensure_model(force=args.force)}")
    return 0


def _warn_example_facts() -> None:
    from actions.organisation import example_fact_keys, organisation_file

    keys = example_fact_keys()
    if keys:
        print(f"Note: {len(keys)} facts in {organisation_file()} are example values, "
              f"not real ones ({', '.join(keys)}). Replace them before deployment.")


def _hub_token(name: str = "NEUVO_HUB_BOT_TOKEN") -> str:
    """A token the hub and the bot share (the hub's, or the publisher's): from the environment or the dev secrets."""
    if os.environ.get(name):
        return os.environ[name]
    from handoff.settings import DEFAULT_SECRETS_FILE, ensure_dev_secrets, read_env_file

    secrets_file = Path(os.environ.get("NEUVO_HUB_SECRETS_FILE", DEFAULT_SECRETS_FILE))
    ensure_dev_secrets(secrets_file)
    return read_env_file(secrets_file)[name]


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.services import HUB_PORT, BotProcesses
    from bot.training import ensure_model

    model = ensure_model()
    _warn_example_facts()
    bot = BotProcesses(model=model, hub_token=_hub_token(), publisher_token=_hub_token("NEUVO_PUBLISHER_TOKEN"))
    print("Starting the action server and Rasa (loading the model takes about a minute)...", flush=True)
    bot.start()
    print("Starting the hub (resident chat and counsellor console) and the publisher (editor tools)...", flush=True)
    try:
        bot.start_publisher()
        hub_url = bot.start_hub(HUB_PORT)
    except Exception:
        bot.stop()
        raise
    print(
        "\nNeuvo is running.\n"
        f"  Resident chat:      {hub_url}/chat/\n"
        f"  Counsellor console: {hub_url}/console/  (first user: .venv/bin/neuvo user add NAME --role admin)\n"
        f"  Editor tools:       {hub_url}/editor/  (a user with --role editor)\n"
        f"  Rasa REST channel:  {bot.rasa_url}/webhooks/rest/webhook\n"
        f"  Action server:      {bot.actions_url}/health\n\n"
        "Talk to the bot directly:\n"
        f"  curl -s {bot.rasa_url}/webhooks/rest/webhook -H 'Content-Type: application/json' \\\n"
        "       -d '{\"sender\": \"demo\", \"message\": \"Hei, miten haen toimeentulotukea?\"}'\n"
        "  or, in another terminal: .venv/bin/neuvo shell\n\n"
        "Press Ctrl+C to stop.", flush=True,
    )
    try:
        while all(child.poll() is None for child in bot.children):
            time.sleep(1)
        print("A service stopped unexpectedly; shutting down.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...")
        return 0
    finally:
        bot.stop()


def _cmd_shell(args: argparse.Namespace) -> int:
    from bot import paths
    from bot.services import ACTIONS_PORT, BotProcesses, wait_for_http
    from bot.training import ensure_model

    model = ensure_model()
    helper = BotProcesses(model=model, log_dir=paths.PROJECT_ROOT / "var" / "log")
    actions = helper._spawn("actions", [sys.executable, "-m", "actions.server", "--port", str(ACTIONS_PORT)])
    try:
        wait_for_http(f"{helper.actions_url}/health", 60, actions)
        return subprocess.call([
            sys.executable, "-m", "rasa", "shell", "--model", str(model),
            "--endpoints", str(paths.ENDPOINTS_FILE),
        ], cwd=paths.PROJECT_ROOT)
    finally:
        helper.stop()


def _cmd_eval(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        print(f"Cannot read {path}: no such file.", file=sys.stderr)
        return 2
    if args.what == "intents":
        from bot.evaluation.intents import run

        return run(path)
    if args.what == "triage":
        from bot.evaluation.triage import run

        return run(path)
    print(f"Unknown evaluation {args.what!r}.", file=sys.stderr)
    return 2


def _cmd_content(args: argparse.Namespace) -> int:
    """`neuvo content check`: the checks of bot/content/check.py (non-zero on errors)."""
    from bot.content.check import main as check_main

    return check_main(args.content_args)


HUB_PYTHON = ".venv-hub/bin/python"
HUB_TESTS = "tests/handoff"


def _cmd_test(args: argparse.Namespace) -> int:
    """Bot tests in this environment and hub tests in the hub's own, side by side.

    The two suites share nothing but the trained model (trained first) and
    take about as long as each other, so on two cores they run at once: the
    bot suite prints as it goes, the hub suite into var/test-hub.log, shown
    when it ends. Arguments after `neuvo test` go to the bot suite only.
    """
    from bot import paths
    from bot.training import ensure_model

    ensure_model()
    hub_python = paths.PROJECT_ROOT / HUB_PYTHON
    if not hub_python.exists():
        print(f"{HUB_PYTHON} is missing: run scripts/bootstrap.sh first.", file=sys.stderr)
        return 1
    log_path = paths.PROJECT_ROOT / "var" / "test-hub.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    started, hub_status = time.monotonic(), 1
    with open(log_path, "wb") as log:
        hub_suite = subprocess.Popen(
            [str(hub_python), "-m", "pytest", HUB_TESTS, "-o", "asyncio_default_fixture_loop_scope=function"],
            cwd=paths.PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            bot_status = subprocess.call(
                [sys.executable, "-m", "pytest", f"--ignore={HUB_TESTS}", *args.pytest_args], cwd=paths.PROJECT_ROOT
            )
            print(f"\n==> bot tests ended (exit {bot_status}); waiting for the hub tests ({log_path}) ...", flush=True)
            hub_status = hub_suite.wait()
        finally:
            if hub_suite.poll() is None:
                hub_suite.terminate()
                hub_suite.wait()
    print(f"\n==> hub tests (exit {hub_status}), from {log_path}:\n", flush=True)
    sys.stdout.write(log_path.read_text(encoding="utf-8", errors="replace"))
    print(f"\n==> all tests: {'passed' if not (bot_status or hub_status) else 'FAILED'} "
          f"in {(time.monotonic() - started) / 60:.1f} min", flush=True)
    return bot_status or hub_status


def _cmd_user(args: argparse.Namespace) -> int:
    """Console users live in the hub's database: delegate to its own environment."""
    from bot import paths

    hub_python = paths.PROJECT_ROOT / HUB_PYTHON
    if not hub_python.exists():
        print(f"{HUB_PYTHON} is missing: run scripts/bootstrap.sh first.", file=sys.stderr)
        return 1
    return subprocess.call([str(hub_python), "-m", "handoff", "user", *args.user_args], cwd=paths.PROJECT_ROOT)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="neuvo", description="Neuvo guidance assistant")
    sub = parser.add_subparsers(dest="command", required=True)

    train = sub.add_parser("train", help="train the model if the training data or config changed")
    train.add_argument("--force", action="store_true", help="train even if a current model exists")
    train.set_defaults(func=_cmd_train)

    sub.add_parser("run", help="start the action server and Rasa").set_defaults(func=_cmd_run)
    sub.add_parser("shell", help="talk to the bot in this terminal").set_defaults(func=_cmd_shell)

    evaluate = sub.add_parser("eval", help="evaluate the served model on a file")
    evaluate.add_argument("what", choices=["intents", "triage"])
    evaluate.add_argument("path")
    evaluate.set_defaults(func=_cmd_eval)

    content = sub.add_parser("content", help="content tools: check (the topics' answers and examples)")
    content.add_argument("action", choices=["check"])
    content.add_argument("content_args", nargs=argparse.REMAINDER)
    content.set_defaults(func=_cmd_content)

    user = sub.add_parser("user", help="console users: add NAME --role ROLE, list, disable NAME", add_help=False)
    user.add_argument("user_args", nargs=argparse.REMAINDER)
    user.set_defaults(func=_cmd_user)

    test = sub.add_parser("test", help="run the whole test suite")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER)
    test.set_defaults(func=_cmd_test)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        if args.command == "user":  # `neuvo user --help` reaches the hub's own parser
            args.user_args = [*unknown, *args.user_args]
        elif args.command != "test":
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        else:
            args.pytest_args = [*unknown, *args.pytest_args]  # `neuvo test -x -k name` reaches pytest
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
