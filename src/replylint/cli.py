"""The ``replylint`` command: thin click commands over the library API."""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .config import ConfigError
from .options import channel_name

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split_ids(value: str | None) -> list[str]:
    if not value:
        return []
    return [v.strip() for v in value.split(",") if v.strip()]


def _check_ids(ids: list[str], option: str) -> frozenset[str]:
    from .rules import RULE_MODULES

    unknown = [i for i in ids if i not in RULE_MODULES]
    if unknown:
        raise click.UsageError(f"{option}: неизвестное правило «{unknown[0]}» (список: replylint rules)")
    return frozenset(ids)


class _Group(click.Group):
    def main(self, *args, **kwargs):
        try:
            return super().main(*args, **kwargs)
        except ConfigError as exc:
            click.echo(f"replylint: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("replylint: прервано", err=True)
            sys.exit(130)
        except Exception as exc:  # never a traceback for users
            if os.environ.get("REPLYLINT_DEBUG"):
                raise
            click.echo(f"replylint: внутренняя ошибка: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="replylint")
def main() -> None:
    """replylint — проверка черновиков ответов клиентам по стандартам сервиса."""


def _read_incoming(path: str | None) -> str | None:
    if not path:
        return None
    from .inputs import InputError, read_path

    for item in read_path(path):
        if isinstance(item, InputError):
            raise click.BadParameter(str(item), param_hint="--incoming")
        # an .eml / HTML / Markdown file: the Клиент's own words, without markup or old quotes
        return item.norm.text.strip() if item.norm is not None else item.text
    return None


def _collect(paths, channel, incoming, encoding=None, stdin_type="text", resolver=None):
    from .config import Resolver
    from .inputs import InputError, read_path

    resolver = resolver or Resolver()
    messages, errors = [], []
    for path in resolver.expand(list(paths) or ["."]):
        ch = channel if channel != "auto" else (resolver.channel_for(path) or "auto")
        for item in read_path(path, channel=ch, incoming=incoming, encoding=encoding,
                              stdin_type=stdin_type):
            (errors if isinstance(item, InputError) else messages).append(item)
    return messages, errors


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="Формат вывода.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, writable=True),
              help="Записать отчёт в файл, а не на стандартный вывод.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Файл конфигурации (иначе ищется pyproject.toml/.replylint.toml выше по дереву).")
@click.option("--channel", type=click.Choice(["email", "chat", "sms", "auto"], case_sensitive=False), default="auto",
              callback=lambda _ctx, _param, value: channel_name(value) or value,
              show_default=True, help="Канал сообщения (chat проверяется как email).")
@click.option("--incoming", type=click.Path(dir_okay=False), help="Сообщение Клиента, на которое отвечаем.")
@click.option("--select", help="Только эти правила (через запятую).")
@click.option("--ignore", help="Пропустить эти правила (через запятую).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="С какой серьёзности код выхода 1 (по умолчанию из конфигурации, иначе warning).")
@click.option("--encoding", help="Кодировка входных файлов (по умолчанию определяется).")
@click.option("--stdin-type", type=click.Choice(["text", "jsonl", "csv", "eml", "html", "md"]), default="text",
              show_default=True, help="Что подаётся на стандартный вход.")
@click.option("--exit-zero", is_flag=True, help="Код выхода 0 даже при замечаниях (ошибки ввода — всё равно 2).")
@click.option("--fix", is_flag=True, help="Применить безопасные автоисправления в файлах.")
@click.option("--diff", "show_diff", is_flag=True, help="Показать автоисправления как diff, не записывая.")
@click.option("--unsafe-fixes", is_flag=True,
              help="С --fix/--diff применять и небезопасные исправления (опечатки по LanguageTool).")
@click.option("--grammar/--no-grammar", default=None,
              help="Включить/выключить проверку орфографии и грамматики LanguageTool (правило grammar).")
@click.option("--languagetool-url", metavar="URL",
              help="Сервер LanguageTool, например http://localhost:8081 (см. docs/grammar.md).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Процессов для больших пакетов (по умолчанию — все ядра).")
@click.option("--no-daemon", is_flag=True, help="Не использовать запущенный демон (replylint daemon).")
def check(paths, fmt, output, config_file, channel, incoming, select, ignore, fail_on, encoding,
          stdin_type, exit_zero, fix, show_diff, unsafe_fixes, grammar, languagetool_url, jobs, no_daemon):
    """Проверить черновики: файлы, каталоги, пакеты .jsonl/.csv или «-» (stdin)."""
    from .config import Resolver
    from .formats import render

    sel = _check_ids(_split_ids(select), "--select") if select else None
    if languagetool_url is not None:
        from .languagetool import check_url

        try:
            languagetool_url = check_url(languagetool_url)
        except ValueError as exc:
            raise click.BadParameter(f"«{languagetool_url}»: {exc}", param_hint="--languagetool-url")
    resolver = Resolver(config_file, select=sel, ignore=_check_ids(_split_ids(ignore), "--ignore"),
                        fail_on=fail_on, grammar=grammar, languagetool_url=languagetool_url)
    incoming_text = _read_incoming(incoming)
    if fix or show_diff:
        code = _apply_fixes(paths, resolver, channel, incoming_text, encoding, write=not show_diff,
                            unsafe=unsafe_fixes)
        if show_diff:
            sys.exit(code)
    messages, errors = _collect(paths, channel, incoming_text, encoding, stdin_type, resolver)
    if jobs is None:
        from .parallel import default_jobs

        jobs = default_jobs()
    reports = resolver.lint(messages, jobs=jobs) if messages else []
    for err in errors:
        click.echo(f"replylint: {err}", err=True)
    color = fmt == "text" and output is None and sys.stdout.isatty()
    text = render(fmt, reports, errors, color=color)
    if output:
        _write_output(output, text)
    else:
        click.echo(text, color=color)
    if errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and resolver.failing(reports):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _write_output(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text + "\n")
    except OSError as exc:
        click.echo(f"replylint: {path}: не удалось записать отчёт ({exc.strerror or exc})", err=True)
        sys.exit(EXIT_ERROR)


@main.command("config")
@click.argument("path", required=False, default=".")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Файл конфигурации.")
def show_config(path, config_file):
    """Показать итоговую конфигурацию для файла или каталога PATH.

    \b
    Ключи [tool.replylint] (pyproject.toml) или .replylint.toml:
    select, ignore, severity, fail-on, include, exclude, per-file-ignores,
    channels, you-style, client-words, sms-max-segments, lexicons, grammar,
    languagetool-url, languagetool-timeout, languagetool-level,
    languagetool-mother-tongue, languagetool-enabled-rules,
    languagetool-disabled-rules, languagetool-enabled-categories,
    languagetool-disabled-categories, languagetool-enabled-only,
    grammar-severity (подробно: docs/configuration.md, docs/grammar.md).
    """
    from .config import Resolver, dump

    if path != "-" and not os.path.exists(path):
        raise click.BadParameter(f"«{path}» не существует", param_hint="PATH")
    cfg = Resolver(config_file).for_path(path)
    click.echo(dump(cfg, path if path != "-" else None))


def _apply_fixes(paths, resolver, channel, incoming, encoding, *, write: bool, unsafe: bool = False) -> int:
    """``--fix`` / ``--diff``: returns the exit code for ``--diff``."""
    from .fixes import FixError, fix_file, unified_diff
    from .inputs import fixable

    changed, failed, edits = 0, False, 0
    for path in resolver.expand(list(paths) or ["."]):
        if not fixable(path):
            continue
        options = resolver.for_path(path).options(path)
        ch = channel if channel != "auto" else (resolver.channel_for(path) or "auto")
        try:
            old, new, n = fix_file(path, options, channel=ch, incoming=incoming,
                                   encoding=encoding, write=write, unsafe=unsafe)
        except FixError as exc:
            click.echo(f"replylint: {exc}", err=True)
            failed = True
            continue
        if new != old:
            changed += 1
            edits += n
            if not write:
                click.echo(unified_diff(path, old, new), nl=False)
    if write and changed:
        click.echo(f"Исправлено: {edits} в файлах: {changed}.", err=True)
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--diff", "show_diff", is_flag=True, help="Показать переписанное как unified diff.")
@click.option("--channel", type=click.Choice(["email", "chat", "sms", "auto"], case_sensitive=False), default="auto",
              callback=lambda _ctx, _param, value: channel_name(value) or value, show_default=True)
@click.option("--incoming", type=click.Path(dir_okay=False), help="Сообщение Клиента, на которое отвечаем.")
@click.option("--select", help="Только эти правила (через запятую).")
@click.option("--ignore", help="Пропустить эти правила (через запятую).")
@click.option("--encoding", help="Кодировка входных файлов (по умолчанию определяется).")
@click.option("--stdin-type", type=click.Choice(["text", "jsonl", "csv", "eml", "html", "md"]), default="text",
              show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Файл конфигурации (иначе ищется pyproject.toml/.replylint.toml выше по дереву).")
def rewrite(paths, fmt, show_diff, channel, incoming, select, ignore, encoding, stdin_type, config_file):
    """Переписать черновик в духе стандартов: напечатать текст со всеми правками.

    Где нужен факт, известный только человеку (срок, альтернатива), остаётся
    заполнитель в квадратных скобках: «сегодня до [время]». Файлы не меняются.
    """
    import json

    from .fixes import rewrite_message, unified_diff
    from .formats.text import location

    from .config import Resolver

    sel = _check_ids(_split_ids(select), "--select") if select else None
    resolver = Resolver(config_file, select=sel, ignore=_check_ids(_split_ids(ignore), "--ignore"))
    messages, errors = _collect(paths, channel, _read_incoming(incoming), encoding, stdin_type, resolver)
    for err in errors:
        click.echo(f"replylint: {err}", err=True)
    results = []
    for message in messages:
        new = rewrite_message(message, resolver.options_for(message.path))
        results.append({"path": message.path, "id": message.id, "text": new, "_old": message.text})
    if fmt == "json":
        payload = [{k: v for k, v in r.items() if k != "_old"} for r in results]
        click.echo(json.dumps({"version": 1, "results": payload}, ensure_ascii=False, indent=2))
    else:
        many = len(results) > 1
        for r, message in zip(results, messages):
            name = location(message)
            if show_diff:
                click.echo(unified_diff(name, r["_old"], r["text"]), nl=False)
                continue
            if many:
                click.echo(f"### {name}")
            click.echo(r["text"], nl=not r["text"].endswith("\n"))
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


def _add_daemon_commands() -> None:
    from .daemon import click_commands

    main.add_command(click_commands(), "daemon")


_add_daemon_commands()


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Формат списка (markdown — таблица для документации).")
def list_rules(fmt):
    """Список правил."""
    from .rules import all_rule_classes

    classes = all_rule_classes()
    if fmt == "json":
        import json

        click.echo(json.dumps([{"id": c.id, "severity": c.severity.label, "fixable": c.fixable,
                                "default_enabled": c.default_enabled, "seed": c.seed, "summary": c.summary()}
                               for c in classes], ensure_ascii=False, indent=2))
        return
    if fmt == "markdown":
        click.echo(rules_markdown(classes))
        return
    for cls in classes:
        fix = "автоисправление" if cls.fixable else ""
        on = "" if cls.default_enabled else " (выключено по умолчанию)"
        click.echo(f"{cls.id:<18} {cls.severity.label:<8} {fix:<16} {cls.summary()}{on}")


def rules_markdown(classes) -> str:
    """The rule table of the README (kept true by a test)."""
    lines = ["| id | severity | autofix | standard | what it flags |", "|---|---|---|---|---|"]
    for c in classes:
        fix = "yes" if c.fixable else {"sms-length": "no", "grammar": "with --unsafe-fixes"}.get(c.id, "rewrite")
        note = " (off by default)" if not c.default_enabled else ""
        lines.append(f"| `{c.id}` | {c.severity.label} | {fix} | {c.seed or '—'} | {c.summary()}{note} |")
    return "\n".join(lines)


@main.command("rule")
@click.argument("rule_id")
def show_rule(rule_id):
    """Документация правила: что делает, зачем, примеры."""
    from .rules import RULE_MODULES, get_rule_class

    if rule_id not in RULE_MODULES:
        raise click.UsageError(f"неизвестное правило «{rule_id}» (список: replylint rules)")
    cls = get_rule_class(rule_id)
    click.echo(f"{cls.id} ({cls.severity.label}{', автоисправление' if cls.fixable else ''})\n")
    click.echo(cls.doc())


@main.command("eval")
@click.argument("corpus", type=click.Path(dir_okay=False))
@click.option("--select", help="Только эти правила (через запятую).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--errors", "show_errors", is_flag=True, help="Показать ложные срабатывания и пропуски.")
def evaluate(corpus, select, fmt, show_errors):
    """Точность/полнота/F1 по правилам на размеченном корпусе .jsonl."""
    import json

    from .evaluate import evaluate_corpus, format_table
    from .inputs import InputError

    rules = _split_ids(select)
    _check_ids(rules, "--select")
    try:
        result = evaluate_corpus(corpus, rules or None)
    except InputError as exc:
        click.echo(f"replylint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result, show_errors=show_errors))


if __name__ == "__main__":  # pragma: no cover
    main()
