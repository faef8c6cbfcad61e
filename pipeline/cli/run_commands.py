"""Commands on the returns: run, check, receive (receipt dates) and close (a period)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from pipeline.cli.console import (
    Progress,
    as_of_day,
    chosen_period,
    cli,
    echo,
    lang_of,
    write_timings,
)
from pipeline.cli.options import (
    as_of_option,
    inbox_option,
    inbox_run_options,
    outbox_option,
    period_option,
    plan_option,
    strict_option,
)
from pipeline.core.catalog import t
from pipeline.core.errors import KehoachError


@cli.command("run", short_help="Kiểm tra inbox/ và tổng hợp.")
@inbox_run_options
@strict_option(
    "Một lỗi là từ chối cả tệp (không chấp nhận một phần); thoát với mã 1 nếu có báo cáo "
    "bị từ chối."
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

    lang = lang_of(ctx)
    plan = load_plan(plan_path)
    day = as_of_day(as_of, plan)
    chosen = chosen_period(plan, period, day, lang)
    store = store_path(outbox)
    target = workbook_path(outbox, chosen)
    store_existed = store.exists()  # --reopen opens it first: a new store is still news
    if reopen:
        if reopen_period(store, chosen):
            echo(t("period-reopened", lang, period=chosen))
    else:
        closed, restored = frozen(store, chosen, target)
        if closed is not None:
            closed_on = f"{closed.closed_at:%d/%m/%Y}"
            echo(
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
                echo(t("period-closed-restored", lang, path=target))
            return
    with Progress(t("progress-read", lang)) as progress:
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
    if result.store_created or not store_existed:
        echo(t("store-created", lang, path=store))
    for line in summary(result, lang):
        echo(line)
    write_timings(result.phases)
    if strict and result.outcomes().get("rejected"):
        ctx.exit(1)


@cli.command("check", short_help="Kiểm tra một vài tệp báo cáo.")
@plan_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@period_option("Kỳ báo cáo (năm); mặc định: kỳ ghi trong từng tệp.")
@as_of_option("Ngày tính số liệu (dd/mm/yyyy).")
@strict_option("Một lỗi là từ chối cả tệp (không chấp nhận một phần).")
@click.pass_context
def check_command(
    ctx: click.Context,
    plan_path: Path,
    files: tuple[Path, ...],
    period: str | None,
    as_of: str | None,
    strict: bool,
) -> None:
    """Kiểm tra vài tệp báo cáo, in lỗi và cảnh báo (mã 1 nếu có tệp lỗi hoặc không đọc được)."""
    from pipeline.plan.load import load_plan
    from pipeline.run import check_files
    from pipeline.run_view import findings_table

    lang = lang_of(ctx)
    plan = load_plan(plan_path)
    if period:
        plan.settings.period(period)
    # Without --period each file is checked against its own period (from its metadata).
    checked = check_files(plan, list(files), period, as_of_day(as_of, plan), strict)
    if not checked.returns:
        click.echo(t("check-nothing", lang, paths=", ".join(map(str, files))), err=True)
        ctx.exit(1)
    for line in findings_table(checked, lang):
        echo(line)
    if checked.outcomes().keys() & {"rejected", "unreadable", "accepted-in-part"}:
        ctx.exit(1)


@cli.command("receive", short_help="Ghi ngày Sở nhận các tệp báo cáo.")
@plan_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--date", "day", required=True, metavar="NGÀY", help="Ngày nhận (dd/mm/yyyy).")
@inbox_option("Thư mục chứa báo cáo nhận được.")
@outbox_option("Thư mục kết quả; kho kehoach.sqlite nằm cạnh nó, như khi chạy run.")
@click.pass_context
def receive_command(
    ctx: click.Context,
    plan_path: Path,
    files: tuple[Path, ...],
    day: str,
    inbox: Path,
    outbox: Path,
) -> None:
    """Ghi ngày Sở nhận từng TỆP (đúng hạn được tính theo ngày này, không theo thời điểm lưu
    trong tệp)."""
    from pipeline.intake.normalize import day as parse_day
    from pipeline.store.actions import receive
    from pipeline.store.db import store_path

    lang = lang_of(ctx)
    parsed = parse_day(day)
    if not isinstance(parsed, date):
        parsed = _calendar_day(day)  # a real day in an implausible year: said as such below
        if parsed is None:
            raise KehoachError("receive-date-invalid", value=day)
    if parsed > date.today():  # a mistyped year: on time judged by a day that has not come
        raise KehoachError("receive-date-future", value=day, today=f"{date.today():%d/%m/%Y}")
    # the store `run` reads: beside the outbox (an inbox elsewhere, on a shared drive, would
    # otherwise get a store of its own that no run ever reads)
    store = store_path(outbox)
    seen, created = receive(store, inbox, list(files), parsed)
    if created:
        echo(t("store-created", lang, path=store))
    for item in seen:
        echo(t("receive-done", lang, day=f"{parsed:%d/%m/%Y}", path=item.path))


def _calendar_day(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


@cli.command("close", short_help="Chốt số liệu một kỳ.")
@plan_option
@period_option("Kỳ báo cáo được chốt.", required=True)
@outbox_option("Thư mục chứa bảng tổng hợp.")
@click.pass_context
def close_command(ctx: click.Context, plan_path: Path, period: str, outbox: Path) -> None:
    """Chốt một kỳ: bảng tổng hợp và số liệu của lần chạy cuối được giữ nguyên."""
    from pipeline.plan.load import load_plan
    from pipeline.run import workbook_path
    from pipeline.store.actions import close_period
    from pipeline.store.db import store_path

    lang = lang_of(ctx)
    load_plan(plan_path).settings.period(period)
    store = store_path(outbox)
    target = workbook_path(outbox, period)
    closing = close_period(store, period, target)
    if closing.store_created:
        echo(t("store-created", lang, path=store))
    if closing.now:
        echo(t("close-done", lang, period=period, path=target))
    else:
        closed_on = f"{closing.closure.closed_at:%d/%m/%Y}"
        echo(t("close-already", lang, period=period, closed=closed_on, path=target))
