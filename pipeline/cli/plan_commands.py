"""Commands on the plan and its forms: plan, import-plan, make-template, templates, init, demo."""

from __future__ import annotations

import time
from pathlib import Path

import click

from pipeline.cli.console import (
    DEFAULT_PLAN,
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
    force_option,
    form_template_option,
    path_option,
    period_option,
    plan_option,
)
from pipeline.core.catalog import t
from pipeline.core.errors import KehoachError


@cli.command("plan", short_help="Kiểm tra tệp kế hoạch (task matrix).")
@plan_option
@path_option("--matrix", None, "Ghi ma trận đơn vị × nhiệm vụ (C/P) ra tệp .xlsx để in.")
@period_option("Kỳ có phân công được in; mặc định: kỳ hiện tại theo --as-of.")
@as_of_option("Ngày chọn kỳ hiện tại (dd/mm/yyyy).")
@click.pass_context
def plan_command(
    ctx: click.Context,
    plan_path: Path,
    matrix: Path | None,
    period: str | None,
    as_of: str | None,
) -> None:
    """Kiểm tra tệp kế hoạch; in các kỳ, nhiệm vụ, đơn vị được giao, cụm từ chưa xác định."""
    from pipeline.plan import view as plan_view
    from pipeline.plan.load import load_plan

    lang = lang_of(ctx)
    plan = load_plan(plan_path)
    chosen = chosen_period(plan, period, as_of_day(as_of, plan), lang)
    for line in plan_view.render(plan, lang, chosen):
        echo(line)
    if matrix is not None:
        from pipeline.plan.write_matrix import write_matrix

        write_matrix(plan.for_period(chosen), matrix)
        echo(t("plan-matrix-written", lang_of(ctx), path=matrix))


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
@path_option("--out", DEFAULT_PLAN, "Tệp kế hoạch được ghi ra.")
@force_option("Ghi đè tệp đã có.")
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
    for line in import_view.render(report, lang_of(ctx)):
        echo(line)


@cli.command("make-template", short_help="Tạo lại mẫu biểu gốc.")
@form_template_option("Tệp mẫu biểu được ghi ra.")
@force_option("Ghi đè mẫu biểu đã có (mất phần đã tùy chỉnh).")
@click.pass_context
def make_template_command(ctx: click.Context, template: Path, force: bool) -> None:
    """Tạo mẫu biểu templates/agency_report_template.xlsx (có thể tùy chỉnh trong Excel)."""
    from pipeline.forms.template import write_template

    if template.exists() and not force:
        raise KehoachError("template-exists", path=str(template))
    write_template(template)
    echo(t("template-written", lang_of(ctx), path=template))


@cli.command("templates", short_help="Sinh biểu mẫu cho từng đơn vị.")
@plan_option
@form_template_option("Mẫu biểu (hình thức).")
@period_option()
@click.option(
    "--agency",
    "agencies",
    multiple=True,
    metavar="MÃ",
    help="Chỉ sinh cho đơn vị này (lặp lại được).",
)
@path_option("--out", None, "Thư mục ghi biểu mẫu; mặc định outbox/templates/<kỳ>/.", folder=True)
@as_of_option("Ngày chọn kỳ hiện tại (dd/mm/yyyy); mặc định: hôm nay.")
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
    from pipeline.forms.carryover import Carryover, previous_period
    from pipeline.plan.load import load_plan
    from pipeline.store.actions import previous_results
    from pipeline.store.db import store_path

    lang = lang_of(ctx)
    plan = load_plan(plan_path)
    chosen = chosen_period(plan, period, as_of_day(as_of, plan), lang)
    folder = out or Path("outbox") / "templates" / chosen
    # The previous period's results, from the store `run` keeps beside outbox/, if any.
    store, before = store_path(Path("outbox")), previous_period(plan, chosen)
    found = previous_results(store, before) if before else {}
    carry = Carryover(before, found) if before and found else None
    started = time.perf_counter()
    with Progress(t("progress-forms", lang)) as progress:
        infos = write_forms(
            plan, template, chosen, folder, agencies, progress.reached, lang, carry=carry
        )
    write_timings({"forms": time.perf_counter() - started})
    echo(
        t(
            "templates-summary",
            lang,
            count=len(infos),
            period=chosen,
            folder=folder,
            sendlist=folder / "danh-sach-gui.xlsx",
        )
    )
    if carry is not None:
        echo(t("carryover-summary", lang, period=before, agencies=len(found), store=store))


@cli.command("init", short_help="Tạo thư mục làm việc cho một kế hoạch.")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".")
@period_option("Kế hoạch cho năm này (ví dụ 2025).", metavar="NĂM")
@click.pass_context
def init_command(ctx: click.Context, folder: Path, period: str | None) -> None:
    """Tạo templates/ (kế hoạch mẫu và mẫu biểu), inbox/ và outbox/ trong THƯ_MỤC."""
    from pipeline.demo.build import init_folder

    created = init_folder(folder, period)
    lang = lang_of(ctx)
    for path in created:
        echo(t("init-created", lang, path=path))
    echo(t("init-next", lang, folder=folder))


@cli.command("demo", short_help="Chạy thử trọn vẹn trên kế hoạch mẫu.")
@path_option(
    "--dir",
    Path("demo"),
    "Thư mục chạy thử (được tạo mới; thư mục trống hoặc của lần demo trước được dùng lại, "
    "thư mục khác bị từ chối).",
    folder=True,
    dest="folder",
)
@click.pass_context
def demo_command(ctx: click.Context, folder: Path) -> None:
    """Chạy thử trọn vẹn trên kế hoạch mẫu: sinh biểu mẫu, giả lập báo cáo, tổng hợp."""
    from pipeline.demo.build import build_demo
    from pipeline.run_view import summary

    lang = lang_of(ctx)
    result, notes = build_demo(folder)
    for line in notes:
        echo(t(line, lang))
    for line in summary(result, lang):
        echo(line)
    echo(t("demo-next", lang))
