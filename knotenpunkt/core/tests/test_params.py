"""The shared parsers of address values: ASCII digits only, every number and month bounded."""

import datetime

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from hypothesis import given
from hypothesis import strategies as st

from knotenpunkt.core import params


@pytest.mark.parametrize("value", ["²", "١٢", "１", "1.0", "1e3", "", None, "x", "1" * 30, "-"])
def test_only_ascii_digits_within_bounds_are_numbers(value):
    assert params.parse_int(value, min_value=-(10**6), max_value=params.ID_MAX) is None


def test_numbers_inside_the_bounds_are_read():
    assert params.parse_int(" 42 ", min_value=1, max_value=42) == 42
    assert params.parse_int("-1", min_value=-1, max_value=1) == -1
    assert params.parse_int("43", min_value=1, max_value=42) is None


@given(st.text())
def test_no_text_makes_the_parsers_raise(text):
    params.parse_id(text)
    params.parse_month(text)


@pytest.mark.parametrize("value", ["9999-12", "0001-01", "2031-13", "2031-00", "2031-5", "²⁰³¹-05"])
def test_months_out_of_range_are_none(value):
    assert params.parse_month(value) is None


def test_a_month_is_its_first_day():
    assert params.parse_month("2031-05") == datetime.date(2031, 5, 1)


def test_query_id_or_404_tells_missing_from_impossible():
    factory = RequestFactory()
    assert params.query_id_or_404(factory.get("/", {"page": ""}), "page") is None
    assert params.query_id_or_404(factory.get("/", {"page": "7"}), "page") == 7
    with pytest.raises(Http404):
        params.query_id_or_404(factory.get("/", {"page": "²"}), "page")


def test_search_text_loses_nul_and_is_cut():
    request = RequestFactory().get("/", {"q": "  a\x00b" + "c" * 500})
    assert params.query_text(request, "q", max_length=5) == "abccc"


@pytest.mark.parametrize("value", [str(params.ID_MAX + 1), "1" * 30, "0"])
def test_ids_no_row_can_have_match_no_route(value):
    with pytest.raises(Resolver404):
        resolve(f"/de/musterstadt/workspace/meetings/{value}/")


def test_ids_a_row_can_have_match_their_route():
    match = resolve(f"/de/musterstadt/workspace/meetings/{params.ID_MAX}/")
    assert match.kwargs["meeting_id"] == params.ID_MAX
