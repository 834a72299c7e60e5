"""Spreadsheet numbers → the text a reader of the sheet saw.

Birth months are typed as numbers: 1968.06 is stored as the float 1968.06,
and 1990.10 as 1990.1 in a cell whose format ``0.00`` shows the trailing
zero.  Dates are serial day numbers in a date-formatted cell.  The number
format is what recovers the written form, so it is applied here, for xlsx
and xls alike.
"""

from __future__ import annotations

import datetime as dt
import math
import re

# Built-in number format ids (ECMA-376 18.8.30) that are dates; 27–36 and
# 50–58 are the East Asian locale date formats (年/月/日) used by Chinese Excel.
_DATE_IDS = set(range(14, 18)) | {22} | set(range(27, 37)) | set(range(50, 59))
_TIME_IDS = {18, 19, 20, 21, 45, 46, 47}
_MONTH_ONLY_IDS = {17, 55, 57}  # mmm-yy, yyyy"年"m"月"
_BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%",
                    10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 49: "@"}

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def builtin_format(fmt_id: int) -> str:
    if fmt_id in _DATE_IDS:
        return "yyyy-mm" if fmt_id in _MONTH_ONLY_IDS else "yyyy-mm-dd"
    if fmt_id in _TIME_IDS:
        return "hh:mm:ss"
    return _BUILTIN_FORMATS.get(fmt_id, "General")


def _bare(code: str) -> str:
    """The first section of a format code without literals and [colour]s."""
    return _QUOTED.sub("", code.split(";")[0]).lower()


def date_kind(code: str) -> str | None:
    """'date' (has a day), 'month' (year and month), 'year', 'time' or None."""
    bare = _bare(code)
    if bare in ("general", "@"):
        return None
    if re.search(r"[0#?]", bare):
        return None  # a number format ("0.00", "#,##0 元")
    has_y = "y" in bare or "e" in bare  # 'e': the era year of East Asian formats
    has_d = "d" in bare
    has_m = "m" in bare
    has_hs = "h" in bare or "s" in bare
    if has_y and has_d:
        return "date"
    if has_y and has_m:
        return "month"
    if has_y:
        return "year"
    if has_d and has_m:
        return "date"
    if has_hs:
        return "time"
    return None


def excel_serial_to_datetime(value: float, date1904: bool = False) -> dt.datetime | None:
    if not math.isfinite(value) or value < 0 or value > 2958465:  # year 9999
        return None
    base = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    if not date1904 and value < 60:
        value += 1  # Excel's phantom 1900-02-29
    return base + dt.timedelta(days=value)


def format_date(when: dt.date | dt.datetime, kind: str) -> str:
    if kind == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if kind == "year":
        return f"{when.year:04d}"
    if kind == "time" and isinstance(when, dt.datetime):
        return when.strftime("%H:%M:%S")
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"


def format_general(value: float) -> str:
    """Shortest faithful text: 1968.0 → '1968', 1968.06 → '1968.06'."""
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        return f"{value:.15g}"
    # Binary noise such as 1968.0600000000002 (sums, imported data)
    short = f"{value:.12g}"
    return short if float(short) == round(value, 12) else text


def format_number(value: float, code: str | None, date1904: bool = False) -> str:
    """The displayed text of a number under an Excel number format code."""
    code = code or "General"
    kind = date_kind(code)
    if kind is not None:
        when = excel_serial_to_datetime(value, date1904)
        if when is not None:
            return format_date(when, kind)
    bare = _bare(code)
    if bare in ("general", "@", ""):
        return format_general(value)
    m = re.search(r"[0#?]*\.([0#?]+)", bare)
    if "%" in bare:
        value *= 100
    if "e+" in bare or "e-" in bare:
        return format_general(value)
    if m:
        decimals = len(m.group(1))
        text = f"{value:.{decimals}f}"
        # '#' and '?' places are optional: drop trailing zeros they would hide
        optional = len(m.group(1)) - len(m.group(1).rstrip("#?"))
        if optional:
            fixed = decimals - optional
            int_part, _, frac = text.partition(".")
            frac = frac[:fixed] + frac[fixed:].rstrip("0")
            text = f"{int_part}.{frac}" if frac else int_part
    elif re.search(r"[0#]", bare):
        text = f"{value:.0f}"
    else:
        text = format_general(value)
    return text + ("%" if "%" in bare else "")
