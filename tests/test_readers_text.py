"""Plain-text tables aligned with spaces: short last rows, padded names."""

from archive.extract.readers.text import read_text
from archive.model import Paragraph, Table

DOUBLED = (
    "拟表彰对象名单\n"
    "序号  姓名      工作单位及职务          序号  姓名      工作单位及职务\n"
    "1     张  三    县委办公室主任          2     李建国    县教育局局长\n"
    "3     王  五    县卫生健康局局长        4     赵  六    县公安局副局长\n"
    "5     刘  洋    县财政局局长\n"
    "\n"
    "中共某某县委组织部\n"
)


def test_short_last_row_of_a_doubled_table_stays_in_the_table() -> None:
    blocks = read_text(DOUBLED)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.rows == [
        ["序号", "姓名", "工作单位及职务", "序号", "姓名", "工作单位及职务"],
        ["1", "张  三", "县委办公室主任", "2", "李建国", "县教育局局长"],
        ["3", "王  五", "县卫生健康局局长", "4", "赵  六", "县公安局副局长"],
        ["5", "刘  洋", "县财政局局长", "", "", ""],
    ]


def test_short_row_that_does_not_go_on_with_the_numbering_is_not_taken() -> None:
    text = (
        "序号  姓名      工作单位及职务          序号  姓名      工作单位及职务\n"
        "1     张  三    县委办公室主任          2     李建国    县教育局局长\n"
        "地址  县委大院  三楼\n"
    )
    blocks = read_text(text)
    assert isinstance(blocks[0], Table) and len(blocks[0].rows) == 2
    assert blocks[1] == Paragraph("地址  县委大院  三楼", "paragraph 1")


def test_single_characters_outside_the_name_column_stay_apart() -> None:
    text = (
        "序号  姓名      性别  民族  出生年月\n"
        "1     王  刚    男    汉    1979.12\n"
        "2     马海燕    女    回    1988.04\n"
    )
    (table,) = read_text(text)
    assert table.rows[1:] == [
        ["1", "王  刚", "男", "汉", "1979.12"],
        ["2", "马海燕", "女", "回", "1988.04"],
    ]


def test_names_are_joined_by_display_column_not_by_character_count() -> None:
    # aligned on screen: a CJK character is two columns wide
    text = (
        "序号  姓名        单位\n"
        "1     欧  阳明    县一中\n"
        "2     李  四      县二中\n"
    )
    (table,) = read_text(text)
    assert [row[1] for row in table.rows[1:]] == ["欧  阳明", "李  四"]
