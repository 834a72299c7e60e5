"""The extraction evaluation corpus (tests/eval/cases) and its scorer
(bench/extract_eval.py).

Three layers:
1. the corpus itself is well-formed (gold follows the contract, files exist);
2. the scorer scores right (perfect, broken and crashing fake extractors);
3. the real extractor: decoys give zero records, nothing raises, and the
   corpus scores at least the THRESHOLDS below.

THRESHOLDS — set by the lead.  They start as a floor under the scores
measured when the corpus was written (so a regression fails) and are meant
to be raised toward the outside checks' bar (record F1 ≥ 0.95, field
accuracy ≥ 0.95) as the extractor improves.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from archive.model import NoticeMeta, ParsedNotice, Record

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "eval" / "cases"

# ---- LEAD: thresholds for the real extractor on this corpus -------------------------------
MIN_RECORD_F1 = 0.70
MIN_FIELD_ACCURACY = 0.90
MIN_NOTICE_ACCURACY = 0.80
# ---------------------------------------------------------------------------------------------

ETHNIC = set(
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 "
    "黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 "
    "撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 "
    "京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族".split()
)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BIRTH = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")


def _load_scorer():
    spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_eval"] = module
    spec.loader.exec_module(module)
    return module


scorer = _load_scorer()


def _golds() -> list[tuple[Path, dict]]:
    return [(d, json.loads((d / "gold.json").read_text(encoding="utf-8"))) for d in scorer.find_cases(CASES)]


# --- 1. the corpus -------------------------------------------------------------------------------


def test_corpus_has_every_format_and_enough_decoys():
    golds = _golds()
    assert len(golds) >= 30
    assert sum(g["decoy"] for _, g in golds) >= 5
    exts = {Path(n).suffix for _, g in golds for n in [g["main"], *g["attachments"]]}
    assert {".html", ".txt", ".docx", ".xlsx", ".xls", ".pdf"} <= exts


@pytest.mark.parametrize("case_dir,gold", _golds(), ids=lambda x: x.name if isinstance(x, Path) else "")
def test_gold_follows_the_contract(case_dir, gold):
    for name in [gold["main"], *gold["attachments"]]:
        assert (case_dir / name).is_file(), name
        assert (case_dir / name).stat().st_size < 200_000
    if gold["decoy"]:
        assert gold["records"] == []
        return
    assert gold["records"], "a commendation case needs gold records"
    n = gold["notice"]
    assert n["stage"] in {"recommended", "proposed", "awarded"}
    assert n["level"] in {"national", "province", "prefecture", "county", "other"}
    for f in ("published", "period_start", "period_end"):
        assert n[f] is None or DATE.match(n[f]), (f, n[f])
    seen = set()
    for r in gold["records"]:
        assert r["kind"] in {"person", "organization"}
        assert r["name"] and not re.search(r"\s", r["name"]), r["name"]
        assert (r["kind"], r["name"]) not in seen, r["name"]
        seen.add((r["kind"], r["name"]))
        assert r["gender"] in {"男", "女", None}
        assert r["ethnicity"] is None or r["ethnicity"] in ETHNIC
        assert r["birth"] is None or BIRTH.match(r["birth"]), r["birth"]
        for f in scorer.RECORD_FIELDS:
            assert f in r, (r["name"], f)


# --- 2. the scorer ---------------------------------------------------------------------------------


def _perfect_parse(main, attachments):
    """A fake extractor that knows the gold answer of the case being parsed."""
    gold = next(g for d, g in _golds() if (d / g["main"]).read_bytes() == main.data)
    records = [Record(**{k: v for k, v in r.items() if k in Record.__dataclass_fields__},
                      name_raw=r["name"]) for r in gold["records"]]
    meta = NoticeMeta(**{k: v for k, v in gold["notice"].items() if k in NoticeMeta.__dataclass_fields__})
    return ParsedNotice(meta=meta, records=records, is_commendation=not gold["decoy"])


def test_scorer_gives_a_perfect_extractor_full_marks():
    summary = scorer.run(CASES, parse=_perfect_parse)
    assert summary.f1 == 1.0
    assert summary.field_accuracy == 1.0
    assert summary.notice_accuracy == 1.0
    assert summary.decoy_records == 0 and not summary.errors


def test_scorer_counts_missing_extra_near_and_wrong_fields():
    def sloppy(main, attachments):
        parsed = _perfect_parse(main, attachments)
        recs = parsed.records
        if len(recs) >= 3:
            recs.pop()  # one missed
            recs[0].name = recs[0].name[0] + " " + recs[0].name[1:]  # not normalised → near miss
            recs[-1].birth = "1900-01"  # wrong field (a person: orgs come first in h01)
        recs.append(Record(kind="person", name="某某某", name_raw="某某某"))  # one invented
        parsed.meta.level = "other"
        return parsed

    summary = scorer.run(CASES, parse=sloppy, only=["h01"])
    (res,) = summary.results
    assert res.gold_n == 8 and res.got_n == 8 and res.matched == 6
    assert len(res.near_names) == 1 and len(res.missing) == 2 and len(res.extra) == 2
    assert [(f, why) for _, f, _, _, why in res.field_errors] == [("birth", "wrong value")]
    assert res.notice_errors == [("level", "province", "other")]


def test_scorer_survives_an_extractor_that_raises():
    def broken(main, attachments):
        raise ValueError("boom")

    summary = scorer.run(CASES, parse=broken, only=["h01", "z01"])
    assert len(summary.errors) == 2
    assert summary.recall == 0.0 and summary.gold_n == 8
    assert "ValueError: boom" in summary.results[0].error


def test_scorer_stops_a_parse_that_hangs():
    import time

    def slow(main, attachments):
        time.sleep(5)

    summary = scorer.run(CASES, parse=slow, only=["z01"], timeout=0.2)
    assert "CaseTimeout" in summary.results[0].error


def test_combined_unit_rules():
    gold = {"unit": "县人民医院外科主任", "position": None}
    assert scorer.field_ok("position", None, "外科主任", gold, {})
    assert not scorer.field_ok("position", None, "院长", gold, {})
    got = {"unit": "县人民医院", "position": "外科主任"}
    assert not scorer.field_ok("unit", gold["unit"], got["unit"], gold, got)
    assert scorer.mismatch_reason("unit", gold["unit"], got["unit"], gold, got).startswith("combined")
    assert scorer.field_ok("unit", "统战部(宣传部)副部长", "统战部(宣传部) 副部长", {}, {})


# --- 3. the real extractor (thresholds set by the lead) ----------------------------------------------


def _real_summary():
    try:
        from archive.extract import parse_notice  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"extractor not importable yet: {exc}")
    return scorer.run(CASES)


@pytest.fixture(scope="module")
def real_summary():
    return _real_summary()


def test_decoys_yield_zero_records(real_summary):
    decoys = [r for r in real_summary.results if r.decoy]
    assert decoys
    bad = {r.name: (r.error or r.extra) for r in decoys if r.error or r.got_n}
    assert not bad, bad


def test_extractor_never_raises_on_the_corpus(real_summary):
    assert not real_summary.errors, {r.name: r.error for r in real_summary.errors}


def test_corpus_scores_at_least_the_thresholds(real_summary):
    s = real_summary
    report = (f"F1 {s.f1:.3f} (min {MIN_RECORD_F1}), field accuracy {s.field_accuracy:.3f} "
              f"(min {MIN_FIELD_ACCURACY}), notice accuracy {s.notice_accuracy:.3f} (min {MIN_NOTICE_ACCURACY})"
              " — run bench/extract_eval.py -v for the mismatches")
    assert s.f1 >= MIN_RECORD_F1, report
    assert s.field_accuracy >= MIN_FIELD_ACCURACY, report
    assert s.notice_accuracy >= MIN_NOTICE_ACCURACY, report
