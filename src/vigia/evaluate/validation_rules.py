"""Validation rules over a state's yearly statistics, written in a small expression language.

    rule = parse_rule("convicted", "persons_convicted <= persons_prosecuted", catalogue)
    rule.check(values)      # Outcome(holds=False, left=52.0, right=43.0); None: a value is missing

The grammar, over the elements, categories and options of the statistics catalogue::

    rule       := expression OPERATOR expression       OPERATOR: <=  <  >=  >  ==  !=
    expression := term (("+" | "-") term)*
    term       := NUMBER | reference | "sum" "(" reference "by" NAME ("," NAME)* ")"
    reference  := ELEMENT ("[" CATEGORY "=" OPTION ("," CATEGORY "=" OPTION)* "]")?

``victims_detected`` is the element's total, ``victims_detected[age_group=0_11]`` one cell of a
breakdown (its categories must be exactly one of the element's breakdowns), and
``sum(victims_detected[age=child] by sex)`` the cells of the breakdown made of the named and the
fixed categories, summed over every option of the named ones. A rule is checked only when each
total or cell it names was entered and each sum has at least one of its cells (the cells left
empty count as 0, as on a paper form); completeness is measured apart.
Names are checked against the catalogue when the rule is parsed, so a typing mistake in a rule is
an error at once, with the position, never a rule that silently holds.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import NoReturn

from vigia.statistics import Cell, StatisticsCatalogue, statistics_catalogue

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    "<": operator.lt,
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
    "!=": operator.ne,
}
IMPORTANCES = ("error", "warning")
TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?(?![\w.]))|(?P<name>[A-Za-z0-9_]+)|(?P<symbol><=|>=|==|!=|[<>+\-()\[\],=]))"
)

Values = Mapping[Cell, float]


class RuleSyntaxError(ValueError):
    """A rule that cannot be read, or names what the catalogue does not have; says where."""


@dataclass(frozen=True)
class Term:
    """A number, or the sum of the cells (one cell for a reference) of one element, with a sign."""

    sign: int
    number: float | None = None
    cells: tuple[Cell, ...] = ()

    def value(self, values: Values) -> float | None:
        """The term's value; None when none of its cells was entered (a cell left empty in a
        sum of which others were entered counts as 0, as on a paper form)."""
        if self.number is not None:
            return self.sign * self.number
        found = [values.get(cell) for cell in self.cells]
        if all(value is None for value in found):
            return None
        return self.sign * sum(value for value in found if value is not None)


@dataclass(frozen=True)
class Outcome:
    holds: bool
    left: float
    right: float


@dataclass(frozen=True)
class Rule:
    name: str
    text: str
    left: tuple[Term, ...]
    operator: str
    right: tuple[Term, ...]
    importance: str = "error"
    labels: Mapping[str, str] | None = None

    def check(self, values: Values) -> Outcome | None:
        """Whether the rule holds for ``values``; None when a value it needs is missing."""
        left, right = _total(self.left, values), _total(self.right, values)
        if left is None or right is None:
            return None
        return Outcome(OPERATORS[self.operator](left, right), left, right)

    @property
    def cells(self) -> set[Cell]:
        """Every value the rule reads."""
        return {cell for term in (*self.left, *self.right) for cell in term.cells}


def _total(terms: tuple[Term, ...], values: Values) -> float | None:
    found = [term.value(values) for term in terms]
    if any(value is None for value in found):
        return None
    return sum(value for value in found if value is not None)


@cache
def catalogue_rules() -> tuple[Rule, ...]:
    """The catalogue's validation rules, parsed (a rule the catalogue cannot hold raises)."""
    catalogue = statistics_catalogue()
    rules = []
    for source in catalogue.rules:
        if source.importance not in IMPORTANCES:
            raise RuleSyntaxError(
                f"{source.name}: importance {source.importance!r} is not one of {IMPORTANCES}"
            )
        rule = parse_rule(source.name, source.rule, catalogue)
        rules.append(
            Rule(
                rule.name,
                rule.text,
                rule.left,
                rule.operator,
                rule.right,
                source.importance,
                source.labels,
            )
        )
    return tuple(rules)


def parse_rule(name: str, text: str, catalogue: StatisticsCatalogue | None = None) -> Rule:
    """``text`` read as a rule over ``catalogue`` (by default the shipped one)."""
    parser = _Parser(name, text, catalogue or statistics_catalogue())
    left = parser.expression()
    comparison = parser.take()
    if comparison not in OPERATORS:
        parser.fail(f"expected one of {' '.join(OPERATORS)}, found {comparison or 'the end'!r}")
    right = parser.expression()
    if parser.peek() is not None:
        parser.fail(f"unexpected {parser.peek()!r} after the rule")
    return Rule(name, text, left, comparison, right)


class _Parser:
    def __init__(self, name: str, text: str, catalogue: StatisticsCatalogue) -> None:
        self.name, self.text, self.catalogue = name, text, catalogue
        self.tokens: list[tuple[str, int]] = []
        self.index = 0
        position = 0
        while position < len(text.rstrip()):
            match = TOKEN.match(text, position)
            if match is None:
                self.fail(f"cannot read {text[position:].strip()[:12]!r}", position)
            kind = match.lastgroup or "symbol"
            self.tokens.append((match.group(kind), match.start(kind)))
            position = match.end()

    def fail(self, message: str, position: int | None = None) -> NoReturn:
        if position is None:
            position = (
                self.tokens[self.index][1] if self.index < len(self.tokens) else len(self.text)
            )
        raise RuleSyntaxError(
            f"rule {self.name} at character {position + 1}: {message}: {self.text}"
        )

    def peek(self) -> str | None:
        return self.tokens[self.index][0] if self.index < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            self.fail(f"expected {expected or 'more'!r}, found {token or 'the end'!r}")
        self.index += 1
        return token or ""

    def expression(self) -> tuple[Term, ...]:
        terms = [self.term(1)]
        while self.peek() in ("+", "-"):
            sign = 1 if self.take() == "+" else -1
            terms.append(self.term(sign))
        return tuple(terms)

    def term(self, sign: int) -> Term:
        token = self.peek()
        if token is not None and re.fullmatch(r"\d+(?:\.\d+)?", token):
            return Term(sign, number=float(self.take()))
        if token == "sum":
            self.take()
            self.take("(")
            element, fixed = self.reference()
            self.take("by")
            named = [self.category()]
            while self.peek() == ",":
                self.take()
                named.append(self.category())
            self.take(")")
            return Term(sign, cells=self.breakdown_cells(element, fixed, named))
        element, fixed = self.reference()
        if fixed:
            self.check_breakdown(element, [category for category, _ in fixed])
        return Term(sign, cells=(Cell(element, self.ordered(element, fixed)),))

    def reference(self) -> tuple[str, list[tuple[str, str]]]:
        element = self.take()
        if element not in self.catalogue.elements:
            self.index -= 1
            self.fail(f"unknown data element {element!r}")
        fixed: list[tuple[str, str]] = []
        if self.peek() == "[":
            self.take()
            while True:
                category = self.category()
                self.take("=")
                option = self.take()
                if option not in self.catalogue.categories[category].options:
                    self.index -= 1
                    self.fail(f"{category} has no option {option!r}")
                fixed.append((category, option))
                if self.peek() != ",":
                    break
                self.take()
            self.take("]")
        return element, fixed

    def category(self) -> str:
        name = self.take()
        if name not in self.catalogue.categories:
            self.index -= 1
            self.fail(f"unknown category {name!r}")
        return name

    def check_breakdown(self, element: str, categories: list[str]) -> tuple[str, ...]:
        for breakdown in self.catalogue.elements[element].breakdowns:
            if set(breakdown) == set(categories) and len(breakdown) == len(categories):
                return breakdown
        self.fail(f"{element} has no breakdown by {', '.join(categories)}")

    def ordered(self, element: str, fixed: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        if not fixed:
            return ()
        breakdown = self.check_breakdown(element, [category for category, _ in fixed])
        chosen = dict(fixed)
        return tuple((category, chosen[category]) for category in breakdown)

    def breakdown_cells(
        self, element: str, fixed: list[tuple[str, str]], named: list[str]
    ) -> tuple[Cell, ...]:
        breakdown = self.check_breakdown(element, [category for category, _ in fixed] + named)
        choices = [self.catalogue.categories[category].options for category in named]
        cells = []
        for combination in product(*choices):
            chosen = dict(fixed) | dict(zip(named, combination, strict=True))
            cells.append(
                Cell(element, tuple((category, chosen[category]) for category in breakdown))
            )
        return tuple(cells)
