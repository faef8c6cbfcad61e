"""The `kehoach` command. The only module that talks to the terminal or imports click."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline import __version__
from pipeline.core.catalog import LANGS, MESSAGES, describe, t
from pipeline.core.errors import KehoachError, PlanError

if TYPE_CHECKING:
    from pipeline.plan.model import Plan

DEFAULT_PLAN = Path("templates") / "task_matrix.xlsx"
DEFAULT_TEMPLATE = Path("templates") / "agency_report_template.xlsx"
EXIT_INTERNAL = 3


_CONSOLE = {"lang": "vi"}  # chosen before click parses anything, so its own texts follow it
_CLICK_KEYS = {en: key for key, (_vi, en) in MESSAGES.items() if key.startswith("click-")}


def _click_text(message: str) -> str:
    """click's own sentence ("Missing argument", "Usage:") in the console's language."""
    key = _CLICK_KEYS.get(message)  # click fills the parameters in itself
    return MESSAGES[key][0] if key and _CONSOLE["lang"] == "vi" else message


def _click_ntext(singular: str, plural: str, count: int) -> str:
    return _click_text(singular if count == 1 else plural)


for _module in (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
):
    # click looks up gettext's `_` and `ngettext` at call time; mypy cannot see them
    setattr(_module, "_", _click_text)  # noqa: B010
    if hasattr(_module, "ngettext"):
        setattr(_module, "ngettext", _click_ntext)  # noqa: B010


def _console_lang(args: list[str]) -> str:
    """--lang from the arguments (before the command), else KEHOACH_LANG, else Vietnamese."""
    chosen = os.environ.get("KEHOACH_LANG", "vi")
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
        elif not arg.startswith("-"):
            break  # the command's own arguments begin
    return chosen if chosen in LANGS else "vi"


def _apply_help(group: click.Group, lang: str) -> None:
    """Every command's and option's help from the catalog, in the console's language (the
    Vietnamese written in this module is the catalog's; a test keeps them equal)."""
    targets: list[tuple[str, Any, str]] = [("cli-main", group, "help")]
    targets += [(f"cli-main-{p.name}", p, "help") for p in group.params]
    for name, command in group.commands.items():
        targets += [(f"cli-{name}", command, "help"), (f"cli-{name}-short", command, "short_help")]
        targets += [(f"cli-{name}-{p.name}", p, "help") for p in command.params]
    for key, target, attribute in targets:
        if key in MESSAGES:
            setattr(target, attribute, t(key, lang))
    for command in (group, *group.commands.values()):
        command._help_option = None  # made again, with click's sentence in this language
    for param in group.params:
        if param.name == "version" and isinstance(param, click.Option):
            param.help = _click_text("Show the version and exit.")


class _Group(click.Group):
    """Turns library errors into one clear sentence and a documented exit code."""

    def main(self, args: Any = None, prog_name: str | None = None, *rest: Any, **extra: Any) -> Any:
        argv = sys.argv[1:] if args is None else list(args)
        _CONSOLE["lang"] = _console_lang(argv)
        _apply_help(self, _CONSOLE["lang"])
        return super().main(argv, prog_name, *rest, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PlanError as error:
            lang = _lang(ctx)
            for problem in error.problems:
                click.echo(describe(problem, lang), err=True)
            click.echo(t(error.key, lang, **error.params), err=True)
            ctx.exit(error.exit_code)
        except KehoachError as error:
            lang = _lang(ctx)
            click.echo(t(error.key, lang, **error.params), err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
            raise
        except Exception as error:  # the officer gets a sentence, never a traceback
            if os.environ.get("KEHOACH_DEBUG"):
                raise
            lang = _lang(ctx)
            click.echo(t("internal-error", lang, kind=type(error).__name__, detail=error), err=True)
            ctx.exit(EXIT_INTERNAL)


def _lang(ctx: click.Context) -> str:
    obj = ctx.find_root().obj or {}
    return str(obj.get("lang", "vi"))


def _echo(text: str = "") -> None:
    click.echo(text)


class _Progress:
    """A progress bar on stderr that appears only once the work is counted, so a problem
    found before (a broken template, a missing inbox) is the only thing the officer sees."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
        self.bar.__enter__()

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def reached(self, done: int, total: int) -> None:
        if self.bar is None:
            self.start(total)
        self.bar.update(done - self.bar.pos)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _write_timings(phases: dict[str, float]) -> None:
    """Phase timings for the benchmark, only when KEHOACH_TIMINGS names a file."""
    target = os.environ.get("KEHOACH_TIMINGS")
    if target:
        import json

        Path(target).write_text(json.dumps(phases), encoding="utf-8")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="vi",
    envvar="KEHOACH_LANG",
    show_default=True,
    help="Ngôn ngữ thông báo / language of messages.",
)
@click.version_option(__version__, prog_name="kehoach")
@click.pass_context
def cli(ctx: click.Context, lang: str) -> None:
    """Theo dõi thực hiện kế hoạch qua biểu mẫu Excel.

    \b
    Quy trình / workflow:
      kehoach plan        kiểm tra templates/task_matrix.xlsx
      kehoach templates   sinh biểu mẫu cho từng đơn vị vào outbox/templates/
      kehoach run         đọc inbox/, kiểm tra, tổng hợp vào outbox/tong-hop-<kỳ>.xlsx
      kehoach check TỆP   kiểm tra một vài tệp báo cáo
      kehoach demo        chạy thử trọn vẹn trên kế hoạch mẫu
      kehoach import-plan đọc phụ lục từ văn bản kế hoạch mới (.docx, .md, .html, .xlsx)

    Thư mục templates/, inbox/, outbox/ được tìm trong thư mục hiện tại.

    Mã thoát / exit codes: 0 xong; 1 có báo cáo bị từ chối (--strict) hoặc tệp lỗi
    (check); 2 dùng sai lệnh hoặc kế hoạch lỗi; 3 lỗi nội bộ.
    """
    ctx.obj = {"lang": lang}


def plan_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--plan",
        "plan_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=DEFAULT_PLAN,
        show_default=True,
        help="Tệp kế hoạch (task matrix).",
    )(function)


@cli.command("plan", short_help="Kiểm tra tệp kế hoạch (task matrix).")
@plan_option
@click.option(
    "--matrix",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Ghi ma trận đơn vị × nhiệm vụ (C/P) ra tệp .xlsx để in.",
)
@click.option("--period", help="Kỳ có phân công được in; mặc định: kỳ hiện tại theo --as-of.")
@click.option("--as-of", "as_of", metavar="NGÀY", help="Ngày chọn kỳ hiện tại (dd/mm/yyyy).")
@click.pass_context
def plan_command(
    ctx: click.Context,
    plan_path: Path,
    matrix: Path | None,
    period: str | None,
    as_of: str | None,
) -> None:
    """Kiểm tra tệp kế hoạch, in các kỳ báo cáo, nhiệm vụ, đơn vị được giao, cụm từ chưa
    xác định."""
    from pipeline.plan import view as plan_view
    from pipeline.plan.load import load_plan

    lang = _lang(ctx)
    plan = load_plan(plan_path)
    chosen = _period(plan, period, _as_of(as_of), lang)
    for line in plan_view.render(plan, lang, chosen):
        _echo(line)
    if matrix is not None:
        from pipeline.plan.write_matrix import write_matrix

        write_matrix(plan.for_period(chosen), matrix)
        _echo(t("plan-matrix-written", _lang(ctx), path=matrix))


@cli.command("import-plan", short_help="Phụ lục nhiệm vụ từ văn bản kế hoạch.")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--registry",
    "--agencies",
    "registry",
    metavar="TỆP|default",
    help="Danh sách đơn vị và cụm từ: trang 'Đơn vị', 'Cụm từ' của tệp kế hoạch này, hoặc "
    "'default' (danh sách mặc định). Bỏ trống: dùng danh sách mặc định chỉ khi kế hoạch do "
    "cùng tỉnh ban hành.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_PLAN,
    show_default=True,
    help="Tệp kế hoạch được ghi ra.",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.pass_context
def import_plan_command(
    ctx: click.Context, source: Path, registry: str | None, out: Path, force: bool
) -> None:
    """Đọc phụ lục nhiệm vụ từ văn bản kế hoạch (.docx, .md, .txt, .html, .xlsx) thành tệp
    kế hoạch, rồi in những gì cần kiểm tra: nhóm, nhiệm vụ, cột đã nhận và cột giữ lại,
    thời gian thực hiện và tên đơn vị chưa đọc được."""
    from pipeline.plan import import_view
    from pipeline.plan.importer import import_plan

    report = import_plan(source, registry, out, force=force)
    for line in import_view.render(report, _lang(ctx)):
        _echo(line)


@cli.command("make-template", short_help="Tạo lại mẫu biểu gốc.")
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_TEMPLATE,
    show_default=True,
    help="Tệp mẫu biểu được ghi ra.",
)
@click.option("--force", is_flag=True, help="Ghi đè mẫu biểu đã có (mất phần đã tùy chỉnh).")
@click.pass_context
def make_template_command(ctx: click.Context, template: Path, force: bool) -> None:
    """Tạo mẫu biểu templates/agency_report_template.xlsx (có thể tùy chỉnh trong Excel)."""
    from pipeline.forms.template import write_template

    if template.exists() and not force:
        raise KehoachError("template-exists", path=str(template))
    write_template(template)
    _echo(t("template-written", _lang(ctx), path=template))


@cli.command("templates", short_help="Sinh biểu mẫu cho từng đơn vị.")
@plan_option
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_TEMPLATE,
    show_default=True,
    help="Mẫu biểu (hình thức).",
)
@click.option("--period", help="Kỳ báo cáo (năm); mặc định: kỳ hiện tại theo --as-of.")
@click.option(
    "--agency",
    "agencies",
    multiple=True,
    metavar="MÃ",
    help="Chỉ sinh cho đơn vị này (lặp lại được).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Thư mục ghi biểu mẫu; mặc định outbox/templates/<kỳ>/.",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="NGÀY",
    help="Ngày chọn kỳ hiện tại (dd/mm/yyyy); mặc định: hôm nay.",
)
@click.pass_context
def templates_command(
    ctx: click.Context,
    plan_path: Path,
    template: Path,
    period: str | None,
    agencies: tuple[str, ...],
    out: Path | None,
    as_of: str | None,
) -> None:
    """Sinh biểu mẫu điền sẵn cho từng đơn vị được giao nhiệm vụ, kèm danh sách gửi."""
    from pipeline.forms.batch import write_forms
    from pipeline.plan.load import load_plan

    lang = _lang(ctx)
    plan = load_plan(plan_path)
    chosen = _period(plan, period, _as_of(as_of), lang)
    folder = out or Path("outbox") / "templates" / chosen
    started = time.perf_counter()
    with _Progress(t("progress-forms", lang)) as progress:
        infos = write_forms(
            plan, template, chosen, folder, agencies, on_progress=progress.reached, lang=lang
        )
    _write_timings({"forms": time.perf_counter() - started})
    _echo(
        t(
            "templates-summary",
            lang,
            count=len(infos),
            period=chosen,
            folder=folder,
            sendlist=folder / "danh-sach-gui.xlsx",
        )
    )


def _period(plan: Plan, period: str | None, as_of: date, lang: str) -> str:
    """The period asked for, else the current one on `as_of`, and the officer is told which."""
    if period:
        plan.settings.period(period)
        return period
    from pipeline.plan.periods import current

    chosen = current(plan.settings.schedule, as_of).name
    click.echo(t("period-chosen-current", lang, period=chosen, day=f"{as_of:%d/%m/%Y}"), err=True)
    return chosen


def _as_of(value: str | None) -> date:
    if not value:
        return date.today()
    from pipeline.intake.normalize import day

    parsed = day(value)
    if not isinstance(parsed, date):
        raise KehoachError("as-of-invalid", value=value)
    return parsed


@cli.command("run", short_help="Kiểm tra inbox/ và tổng hợp.")
@plan_option
@click.option(
    "--inbox",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("inbox"),
    show_default=True,
    help="Thư mục chứa báo cáo nhận được (không bị sửa).",
)
@click.option(
    "--outbox",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("outbox"),
    show_default=True,
    help="Thư mục ghi kết quả.",
)
@click.option("--period", help="Kỳ báo cáo (năm); mặc định: kỳ hiện tại theo --as-of.")
@click.option(
    "--as-of",
    "as_of",
    metavar="NGÀY",
    help="Ngày số liệu được tính đến (dd/mm/yyyy); mặc định: hôm nay.",
)
@click.option(
    "--jobs", type=click.IntRange(1, 64), help="Số tiến trình đọc tệp (mặc định: số lõi)."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Một lỗi là từ chối cả tệp (không chấp nhận một phần); thoát với mã 1 nếu có báo cáo "
    "bị từ chối.",
)
@click.option("--reopen", is_flag=True, help="Mở lại kỳ đã chốt và tính lại từ inbox/.")
@click.pass_context
def run_command(
    ctx: click.Context,
    plan_path: Path,
    inbox: Path,
    outbox: Path,
    period: str | None,
    as_of: str | None,
    jobs: int | None,
    strict: bool,
    reopen: bool,
) -> None:
    """Đọc inbox/, kiểm tra từng báo cáo, tổng hợp vào outbox/tong-hop-<kỳ>.xlsx."""
    from pipeline.plan.load import load_plan
    from pipeline.run import run, workbook_path
    from pipeline.run_view import summary
    from pipeline.store.actions import frozen, reopen_period
    from pipeline.store.db import store_path

    lang = _lang(ctx)
    plan = load_plan(plan_path)
    day = _as_of(as_of)
    chosen = _period(plan, period, day, lang)
    store = store_path(outbox)
    target = workbook_path(outbox, chosen)
    if reopen:
        if reopen_period(store, chosen):
            _echo(t("period-reopened", lang, period=chosen))
    else:
        closed, restored = frozen(store, chosen, target)
        if closed is not None:
            closed_on = f"{closed.closed_at:%d/%m/%Y}"
            _echo(
                t(
                    "period-closed-frozen",
                    lang,
                    period=chosen,
                    closed=closed_on,
                    path=target,
                    **closed.headline,
                )
            )
            if restored:
                _echo(t("period-closed-restored", lang, path=target))
            return
    with _Progress(t("progress-read", lang)) as progress:
        result = run(
            plan,
            inbox,
            outbox,
            chosen,
            day,
            jobs,
            progress.start,
            progress.step,
            strict,
            store=store,
        )
    if result.store_created:
        _echo(t("store-created", lang, path=store))
    for line in summary(result, lang):
        _echo(line)
    _write_timings(result.phases)
    if strict and result.outcomes().get("rejected"):
        ctx.exit(1)


DEFAULT_REPORT_TEMPLATE = Path("templates") / "bao-cao-template.docx"


def _document_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options `report` and `remind` share: what to read, where to write, the look."""
    for option in reversed(
        (
            plan_option,
            click.option(
                "--inbox",
                type=click.Path(path_type=Path, file_okay=False),
                default=Path("inbox"),
                show_default=True,
                help="Thư mục chứa báo cáo nhận được (không bị sửa).",
            ),
            click.option(
                "--outbox",
                type=click.Path(path_type=Path, file_okay=False),
                default=Path("outbox"),
                show_default=True,
                help="Thư mục ghi kết quả.",
            ),
            click.option("--period", help="Kỳ báo cáo (năm); mặc định: kỳ đầu tiên của kế hoạch."),
            click.option(
                "--as-of",
                "as_of",
                metavar="NGÀY",
                help="Ngày số liệu được tính đến (dd/mm/yyyy); mặc định: hôm nay.",
            ),
            click.option(
                "--jobs",
                type=click.IntRange(1, 64),
                help="Số tiến trình đọc tệp (mặc định: số lõi).",
            ),
            click.option(
                "--template",
                "docx_template",
                type=click.Path(path_type=Path, dir_okay=False),
                default=DEFAULT_REPORT_TEMPLATE,
                show_default=True,
                help="Mẫu Word (kiểu chữ, lề); thiếu thì dùng mẫu mặc định.",
            ),
            click.option("--force", is_flag=True, help="Ghi đè tệp Word đã có (mất phần đã sửa)."),
        )
    ):
        command = option(command)
    return command


def _consolidated(
    ctx: click.Context,
    plan: Plan,
    folders: tuple[Path, Path],
    period: str,
    as_of: str | None,
    jobs: int | None,
) -> Any:
    from pipeline.run import consolidated

    inbox, outbox = folders
    day = _as_of(as_of)
    with _Progress(t("progress-read", _lang(ctx))) as progress:
        return consolidated(plan, inbox, outbox, period, day, jobs, progress.start, progress.step)


@cli.command("report", short_help="Viết dự thảo báo cáo (Word) từ inbox/.")
@_document_options
@click.pass_context
def report_command(
    ctx: click.Context,
    plan_path: Path,
    inbox: Path,
    outbox: Path,
    period: str | None,
    as_of: str | None,
    jobs: int | None,
    docx_template: Path,
    force: bool,
) -> None:
    """Viết dự thảo báo cáo outbox/bao-cao-<kỳ>.docx theo thể thức Nghị định 30/2020."""
    from pipeline.outputs.report_docx import refuse_overwrite, report_path, write_report
    from pipeline.plan.load import load_plan

    loaded = load_plan(plan_path)
    chosen = _period(loaded, period, _as_of(as_of), _lang(ctx))
    plan = loaded.for_period(chosen)
    target = report_path(outbox, chosen)
    refuse_overwrite(target, force)  # before reading the inbox, not after
    result = _consolidated(ctx, plan, (inbox, outbox), chosen, as_of, jobs)
    written = write_report(plan, result, chosen, target, docx_template, force)
    _echo(t("report-written", _lang(ctx), path=written))


@cli.command("remind", short_help="Viết công văn đôn đốc và tin nhắn cho đơn vị.")
@_document_options
@click.option(
    "--deadline",
    metavar="NGÀY",
    help="Hạn gửi ghi trong công văn (dd/mm/yyyy); mặc định: đề xuất, tô vàng.",
)
@click.pass_context
def remind_command(
    ctx: click.Context,
    plan_path: Path,
    inbox: Path,
    outbox: Path,
    period: str | None,
    as_of: str | None,
    jobs: int | None,
    docx_template: Path,
    force: bool,
    deadline: str | None,
) -> None:
    """Viết công văn đôn đốc outbox/don-doc-<kỳ>.docx và tin nhắn cho từng đơn vị."""
    from pipeline.intake.normalize import day
    from pipeline.outputs.remind import letter_path, write_reminders
    from pipeline.outputs.report_docx import refuse_overwrite
    from pipeline.plan.load import load_plan

    lang = _lang(ctx)
    due = day(deadline) if deadline else None
    if deadline and not isinstance(due, date):
        raise KehoachError("deadline-invalid", value=deadline)
    loaded = load_plan(plan_path)
    chosen = _period(loaded, period, _as_of(as_of), _lang(ctx))
    plan = loaded.for_period(chosen)
    refuse_overwrite(letter_path(outbox, chosen), force)
    result = _consolidated(ctx, plan, (inbox, outbox), chosen, as_of, jobs)
    written = write_reminders(
        plan, result, chosen, outbox, docx_template, due if isinstance(due, date) else None, force
    )
    if not written.chases:
        _echo(t("remind-none", lang))
    _echo(t("remind-written", lang, path=written.letter, n=len(written.chases)))
    _echo(t("remind-messages", lang, path=written.messages))
    if not written.deadline_given and written.chases:
        _echo(t("remind-deadline-default", lang, date=written.deadline.strftime("%d/%m/%Y")))


@cli.command("check", short_help="Kiểm tra một vài tệp báo cáo.")
@plan_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--period", help="Kỳ báo cáo (năm); mặc định: kỳ ghi trong từng tệp.")
@click.option("--as-of", "as_of", metavar="NGÀY", help="Ngày tính số liệu (dd/mm/yyyy).")
@click.option(
    "--strict", is_flag=True, help="Một lỗi là từ chối cả tệp (không chấp nhận một phần)."
)
@click.pass_context
def check_command(
    ctx: click.Context,
    plan_path: Path,
    files: tuple[Path, ...],
    period: str | None,
    as_of: str | None,
    strict: bool,
) -> None:
    """Kiểm tra một vài tệp báo cáo, in các lỗi, cảnh báo (mã 1 nếu có tệp có lỗi)."""
    from pipeline.plan.load import load_plan
    from pipeline.run import check_files
    from pipeline.run_view import findings_table

    lang = _lang(ctx)
    plan = load_plan(plan_path)
    if period:
        plan.settings.period(period)
    # Without --period each file is checked against its own period (from its metadata).
    checked = check_files(plan, list(files), period, _as_of(as_of), strict)
    if not checked.returns:
        click.echo(t("check-nothing", lang, paths=", ".join(map(str, files))), err=True)
        ctx.exit(1)
    for line in findings_table(checked, lang):
        _echo(line)
    if checked.outcomes().keys() & {"rejected", "unreadable", "accepted-in-part"}:
        ctx.exit(1)


@cli.command("receive", short_help="Ghi ngày Sở nhận các tệp báo cáo.")
@plan_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--date", "day", required=True, metavar="NGÀY", help="Ngày nhận (dd/mm/yyyy).")
@click.option(
    "--inbox",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("inbox"),
    show_default=True,
    help="Thư mục chứa báo cáo nhận được.",
)
@click.pass_context
def receive_command(
    ctx: click.Context, plan_path: Path, files: tuple[Path, ...], day: str, inbox: Path
) -> None:
    """Ghi ngày Sở nhận từng TỆP (đúng hạn được tính theo ngày này, không theo thời điểm lưu
    trong tệp)."""
    from pipeline.intake.normalize import day as parse_day
    from pipeline.store.actions import receive
    from pipeline.store.db import store_path

    lang = _lang(ctx)
    parsed = parse_day(day)
    if not isinstance(parsed, date):
        raise KehoachError("receive-date-invalid", value=day)
    store = store_path(inbox)
    seen, created = receive(store, inbox, list(files), parsed)
    if created:
        _echo(t("store-created", lang, path=store))
    for item in seen:
        _echo(t("receive-done", lang, day=f"{parsed:%d/%m/%Y}", path=item.path))


@cli.command("close", short_help="Chốt số liệu một kỳ.")
@plan_option
@click.option("--period", required=True, help="Kỳ báo cáo được chốt.")
@click.option(
    "--outbox",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("outbox"),
    show_default=True,
    help="Thư mục chứa bảng tổng hợp.",
)
@click.pass_context
def close_command(ctx: click.Context, plan_path: Path, period: str, outbox: Path) -> None:
    """Chốt một kỳ: bảng tổng hợp và số liệu của lần chạy cuối được giữ nguyên."""
    from pipeline.plan.load import load_plan
    from pipeline.run import workbook_path
    from pipeline.store.actions import close_period
    from pipeline.store.db import store_path

    lang = _lang(ctx)
    load_plan(plan_path).settings.period(period)
    store = store_path(outbox)
    target = workbook_path(outbox, period)
    _, created = close_period(store, period, target)
    if created:
        _echo(t("store-created", lang, path=store))
    _echo(t("close-done", lang, period=period, path=target))


@cli.command("init", short_help="Tạo thư mục làm việc cho một kế hoạch.")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--period", metavar="NĂM", help="Kế hoạch cho năm này (ví dụ 2025).")
@click.pass_context
def init_command(ctx: click.Context, folder: Path, period: str | None) -> None:
    """Tạo templates/ (kế hoạch mẫu và mẫu biểu), inbox/ và outbox/ trong THƯ_MỤC."""
    from pipeline.demo.build import init_folder

    created = init_folder(folder, period)
    lang = _lang(ctx)
    for path in created:
        _echo(t("init-created", lang, path=path))
    _echo(t("init-next", lang, folder=folder))


@cli.command("demo", short_help="Chạy thử trọn vẹn trên kế hoạch mẫu.")
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("demo"),
    show_default=True,
    help="Thư mục chạy thử (được tạo mới).",
)
@click.pass_context
def demo_command(ctx: click.Context, folder: Path) -> None:
    """Chạy thử trọn vẹn trên kế hoạch mẫu: sinh biểu mẫu, giả lập báo cáo, tổng hợp."""
    from pipeline.demo.build import build_demo
    from pipeline.run_view import summary

    lang = _lang(ctx)
    result, notes = build_demo(folder)
    for line in notes:
        _echo(t(line, lang))
    for line in summary(result, lang):
        _echo(line)


def main() -> None:
    for stream in (sys.stdout, sys.stderr):  # Vietnamese on a Windows console
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    _skip_data_generators()
    _collect_cycles_less_often()
    try:
        cli(prog_name="kehoach")
    except BrokenPipeError:  # output piped into `head` or a closed pager: not an error
        _silence_stdout()
        sys.exit(0)
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            _leave(done.code or 0)
        raise


def _skip_data_generators() -> None:
    """Keep pandera from loading hypothesis, which it only needs to generate test data.

    pandera imports it whenever it is installed (it is, with the dev extras): 0.1 s of every
    `kehoach run`. pandera treats a failed import as "not installed".
    """
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]


def _collect_cycles_less_often() -> None:
    """A run builds millions of small objects that live until it ends and are freed by
    reference counting; the cycle collector's default pace (every 700 allocations) kept
    revisiting them: 0.7 s of a 6.5 s run of 3,321 returns. Workers inherit the setting."""
    gc.set_threshold(50_000, 20, 100)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _leave(code: int) -> None:
    """End the process without tearing down the ~1,000 modules pandas and pandera load.

    That teardown took 0.27 s of a 1.5 s `kehoach run` and does nothing for the officer:
    every output is written, closed and renamed into place before a command returns, worker
    processes are joined, and only the terminal streams still hold buffered text.
    """
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    with contextlib.suppress(BrokenPipeError):
        sys.stderr.flush()
    os._exit(code)
