"""No regex the scanner runs on file content has the shape of catastrophic backtracking.

Scanned files are untrusted input: `_PLACEHOLDER_VALUE`'s nested `(?:[a-z]+[-_ ]?)*` once
held a worker for 15+ minutes on one storybook file. This is a structural check (never a
timing): every regex of the scanner (module globals of the package, the service catalog's
`calls` / `webhook_verify` / `deploy_steps`, the secrets rules, the catalog index and the
scanner's own compiled state) is parsed with `re._parser` and rejected when an unbounded,
backtracking repeat wraps a body that can split one text into iterations in more than one
way: an inner unbounded repeat or an optional part whose characters what follows it (up to
the next iteration's start) could take instead, or an alternation whose branches can start
alike. A required character the inner repeat cannot match ends the choice, so
`(?:\\.[a-z]+)+` or `[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9]...)+` pass; possessive
repeats and atomic groups do not backtrack and pass too.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import types
from re import _constants as C  # noqa: N812
from re import _parser as P  # noqa: N812

import pytest

import mkdocs_integrations as PKG  # noqa: N812
from mkdocs_integrations.catalog import load_catalog
from mkdocs_integrations.catalog.index import default_index
from mkdocs_integrations.scan import Scanner
from mkdocs_integrations.scan.detectors.secrets import load_rules

U = [chr(i) for i in range(0, 384)] + ["\u2028", "\u00a0", "\u3000", "\u0416", "\u4e2d", "\u0660", "\U0001f600"]
ALL = frozenset(U)
_CAT = {
    C.CATEGORY_DIGIT: lambda c: c.isdecimal(), C.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    C.CATEGORY_SPACE: lambda c: c.isspace(), C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_", C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _fold(s, flags):
    if not flags & re.I:
        return frozenset(s)
    return frozenset(c for c in U if c in s or c.lower() in s or c.upper() in s or c.swapcase() in s)


def _charset(op, av, flags):
    """Chars one single-char item matches, or None when op is not a single-char item."""
    if op is C.LITERAL:
        return _fold({chr(av)}, flags)
    if op is C.NOT_LITERAL:
        return ALL - _fold({chr(av)}, flags)
    if op is C.ANY:
        return ALL if flags & re.S else ALL - {"\n"}
    if op is C.IN:
        neg, s = False, set()
        for o, a in av:
            if o is C.NEGATE:
                neg = True
            elif o is C.LITERAL:
                s.add(chr(a))
            elif o is C.RANGE:
                s.update(c for c in U if a[0] <= ord(c) <= a[1])
            elif o is C.CATEGORY:
                f = _CAT.get(a)
                s.update(c for c in U if f and f(c) and (not flags & re.A or ord(c) < 128))
        s = _fold(s, flags)
        return ALL - s if neg else s
    return None


class Node:
    """Summary of a (sub)pattern: can it be empty, which chars it can consume, first chars,
    and the char sets of backtrackable unbounded repeats reachable at its start / end."""
    __slots__ = ("nullable", "chars", "first", "head", "tail", "unbounded", "last")

    def __init__(self, nullable=True, chars=frozenset(), first=frozenset(), head=frozenset(), tail=frozenset(), unbounded=False):
        self.nullable, self.chars, self.first, self.head, self.tail, self.unbounded = nullable, chars, first, head, tail, unbounded
        self.last = first  # chars a match can end with (single chars: the same as first)


BIG = 50  # a bounded repeat with a max this large counts as unbounded


def _is_big(mx):
    return mx is C.MAXREPEAT or mx >= BIG


def analyse(pattern: str, flags: int = 0) -> list[str]:
    """Problems of the pattern (empty list: no dangerous shape)."""
    tree = P.parse(pattern, flags)
    problems: list[str] = []
    _seq(list(tree), tree.state.flags, problems, atomic=False)
    return problems


def _seq(items, flags, problems, atomic) -> Node:
    nodes = [_item(op, av, flags, problems, atomic) for op, av in items]
    # adjacency: an unbounded repeat at the end of node i and one at the start of node j with
    # only nullable nodes between, over overlapping chars, with something after that may fail
    for i, a in enumerate(nodes):
        if not a.tail:
            continue
        for j in range(i + 1, len(nodes)):
            b = nodes[j]
            # chars of the nullable nodes between also take part
            if a.tail & b.head and j + 1 < len(nodes) + 1:
                rest = items[j + 1:]
                if rest:
                    problems.append(f"adjacent unbounded repeats over shared chars {_show(a.tail & b.head)} "
                                    f"at items {i} and {j}, followed by more pattern")
            if not b.nullable:
                break
    return _concat(nodes)


def _concat(nodes) -> Node:
    out = Node()
    chars, first, head, tail = set(), set(), set(), set()
    nullable = True
    unb = False
    for n in nodes:
        chars |= n.chars
        unb = unb or n.unbounded
        if nullable:
            first |= n.first
            head |= n.head
        nullable = nullable and n.nullable
    last = set()
    for n in reversed(nodes):
        tail |= n.tail
        last |= n.last
        if not n.nullable:
            break
    out.nullable, out.chars, out.first, out.head, out.tail, out.unbounded = nullable, frozenset(chars), frozenset(first), frozenset(head), frozenset(tail), unb
    out.last = frozenset(last)
    return out


def _show(s):
    s = sorted(s)
    txt = "".join(s[:12])
    return repr(txt + ("…" if len(s) > 12 else ""))


def _item(op, av, flags, problems, atomic) -> Node:
    cs = _charset(op, av, flags)
    if cs is not None:
        return Node(False, cs, cs)
    if op is C.SUBPATTERN:
        _, add, rm, p = av
        return _seq(list(p), (flags | add) & ~rm, problems, atomic)
    if op is C.ATOMIC_GROUP:
        n = _seq(list(av), flags, problems, atomic=True)
        a = Node(n.nullable, n.chars, n.first, frozenset(), frozenset(), n.unbounded)
        a.last = n.last
        return a
    if op in (C.ASSERT, C.ASSERT_NOT):
        _seq(list(av[1]), flags, problems, atomic)
        return Node()
    if op is C.AT:
        return Node()
    if op is C.BRANCH:
        branches = [_seq(list(b), flags, problems, atomic) for b in av[1]]
        n = Node(any(b.nullable for b in branches),
                 frozenset().union(*(b.chars for b in branches)), frozenset().union(*(b.first for b in branches)),
                 frozenset().union(*(b.head for b in branches)), frozenset().union(*(b.tail for b in branches)),
                 any(b.unbounded for b in branches))
        n.last = frozenset().union(*(b.last for b in branches))
        return n
    if op is C.GROUPREF_EXISTS:
        yes = _seq(list(av[1]), flags, problems, atomic)
        no = _seq(list(av[2]), flags, problems, atomic) if av[2] else Node()
        g = Node(yes.nullable or no.nullable, yes.chars | no.chars, yes.first | no.first, yes.head | no.head, yes.tail | no.tail, yes.unbounded or no.unbounded)
        g.last = yes.last | no.last
        return g
    if op is C.GROUPREF:
        return Node(True, ALL, ALL)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        mn, mx, p = av
        body_items = list(p)
        body = _seq(body_items, flags, problems, atomic or op is C.POSSESSIVE_REPEAT)
        backtracks = op is not C.POSSESSIVE_REPEAT and not atomic
        big = _is_big(mx)
        if big and backtracks and mx != 1:
            _nested(body_items, body, flags, problems)
        n = Node(mn == 0 or body.nullable, body.chars, body.first, body.head, body.tail, body.unbounded or big)
        n.last = body.last
        if big and backtracks:
            n.head = n.head | body.first
            n.tail = n.tail | body.last
        return n
    return Node()  # unknown: treat as empty


def _nested(body_items, body: Node, flags, problems):
    """An unbounded repeat around `body`: exponential when one text splits into iterations in
    more than one way. Walks the body with, for each part, the chars that can come right after
    it (wrapping to the next iteration's first chars) and flags a choice that the next part can
    undo: an inner unbounded repeat, an optional part or an alternation whose branches start alike."""
    # the next iteration's first chars end an iteration as a required part would
    msg = _amb(body_items, body.first, flags, (body.first,))
    if msg:
        problems.append("nested unbounded repeat: " + msg)


def _amb(items, outer_follow, flags, after_req=()):
    """`outer_follow`: first chars of what may come after `items` (up to the next iteration);
    `after_req`: first-char sets of the required parts after `items` in this iteration."""
    nodes = [_item(op, av, flags, [], False) for op, av in items]
    for k, (op, av) in enumerate(items):
        n = nodes[k]
        follow = set()
        for m in nodes[k + 1:]:
            follow |= m.first
            if not m.nullable:
                break
        else:
            follow |= outer_follow
        follow = frozenset(follow)
        req = tuple(m.first for m in nodes[k + 1:] if not m.nullable) + tuple(after_req)

        def separated(chars):
            # a required part after it that it cannot match itself ends the choice: `(?:\.[a-z]+)+`
            return any(r and not (r & chars) for r in req)

        if op is C.SUBPATTERN:
            msg = _amb(list(av[3]), follow, (flags | av[1]) & ~av[2], req)
            if msg:
                return msg
        elif op is C.BRANCH:
            alts = [_seq(list(a), flags, [], False) for a in av[1]]
            if _ambiguous_branch(av[1], flags) and not separated(frozenset().union(*(a.chars for a in alts))):
                return "an alternation whose branches can start alike"
            if any(a.nullable for a in alts) and any(a.first & follow for a in alts) and not separated(n.chars):
                return f"an optional alternation whose branches start like what follows {_show(follow)}"
            for a in av[1]:
                msg = _amb(list(a), follow, flags, req)
                if msg:
                    return msg
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            mn, mx, p = av
            body = _seq(list(p), flags, [], False)
            nxt = items[k + 1] if k + 1 < len(items) else None
            if (_is_big(mx) and nxt is not None and nxt[0] in (C.MAX_REPEAT, C.MIN_REPEAT) and _is_big(nxt[1][1])
                    and body.chars & nodes[k + 1].first):
                # `[ \t]+[^\n]*`: a later separator fixes where the iteration ends, not where
                # these two split the run they share; each iteration's splits multiply.
                return (f"inner repeat over {_show(body.chars)} shares {_show(body.chars & nodes[k + 1].first)} "
                        "with the repeat right after it")
            if _is_big(mx) and body.chars & follow and not separated(body.chars):
                return (f"inner repeat over {_show(body.chars)} may give up {_show(body.chars & follow)} "
                        "to what follows it (or to the next iteration)")
            if mn == 0 and body.first & follow and not separated(body.chars):
                return f"optional part starting with {_show(body.first & follow)} may be taken by what follows instead"
            inner_follow = follow | body.first if mx != 1 else follow
            msg = _amb(list(p), frozenset(inner_follow), flags, req)
            if msg:
                return msg
    return None


def _literal(alt):
    out = []
    for op, av in alt:
        if op is not C.LITERAL:
            return None
        out.append(chr(av))
    return "".join(out)


def _ambiguous_branch(alts, flags) -> bool:
    info = []
    for alt in alts:
        n = _seq(list(alt), flags, [], False)
        info.append((n, _literal(alt)))
    for i in range(len(info)):
        for j in range(i + 1, len(info)):
            (a, la), (b, lb) = info[i], info[j]
            if not (a.first & b.first):
                continue
            if la is not None and lb is not None:
                if flags & re.I:
                    la, lb = la.lower(), lb.lower()
                if la.startswith(lb) or lb.startswith(la):
                    return True
                continue
            if a.unbounded or b.unbounded or a.nullable or b.nullable:
                return True
            # two fixed shapes starting alike: ambiguous if one can match the other's text; approximate
            return True
    return False


# ---------------------------------------------------------------------------------------------
# The collection: every compiled regex reachable from the package's modules and its data.


def _walk(obj, origin, out, seen, depth=0):
    if depth > 8 or id(obj) in seen:
        return
    if isinstance(obj, re.Pattern):
        out.setdefault((obj.pattern, obj.flags), origin)
        return
    if isinstance(obj, (str, bytes, int, float, bool, type(None), types.FunctionType, types.ModuleType)):
        return
    seen.add(id(obj))
    if isinstance(obj, dict):
        for k, v in obj.items():
            _walk(v, f"{origin}[{k!r}]", out, seen, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, v in enumerate(obj):
            _walk(v, f"{origin}[{i}]", out, seen, depth + 1)
    elif isinstance(obj, type):
        if (obj.__module__ or "").startswith(PKG.__name__):
            for k, v in list(vars(obj).items()):
                _walk(v, f"{origin}.{k}", out, seen, depth + 1)
    elif (type(obj).__module__ or "").startswith(PKG.__name__):
        names = list(vars(obj)) if hasattr(obj, "__dict__") else []
        for klass in type(obj).__mro__:
            names += list(getattr(klass, "__slots__", ()) or ())
        for k in names:
            if hasattr(obj, k):
                _walk(getattr(obj, k), f"{origin}.{k}", out, seen, depth + 1)


def _touch_cached(obj):
    """Fill the object's cached properties (the index's combined regexes, the scanner's gate)."""
    for k in dir(type(obj)):
        if type(getattr(type(obj), k, None)).__name__ == "cached_property":
            getattr(obj, k)
    return obj


@functools.lru_cache(maxsize=1)
def scanner_regexes() -> dict[tuple[str, int], str]:
    """{(pattern, flags): where it was found first}."""
    out: dict = {}
    seen: set = set()
    # the data first, so that its regexes are named by where they are defined
    catalog = load_catalog()
    _walk(catalog, "catalog", out, seen)
    _walk(load_rules(), "secrets rules", out, seen)
    names = [PKG.__name__] + [m.name for m in pkgutil.walk_packages(PKG.__path__, PKG.__name__ + ".")]
    for name in names:
        mod = importlib.import_module(name)
        for k, v in list(vars(mod).items()):
            if isinstance(v, type) and v.__module__ != name:
                continue
            _walk(v, f"{name}.{k}", out, seen)
    _walk(_touch_cached(default_index()), "catalog index", out, seen)
    _walk(_touch_cached(Scanner(catalog=catalog)), "scanner", out, seen)
    return out


# Flagged but safe: where the regex is found → why it is linear.
ALLOWED = {
    # The lexer's runs: the loop is followed by optional parts only, so a match never fails
    # after it and the engine never backtracks into its iterations (linear on any text).
    "mkdocs_integrations.scan.lexing._RUNS['c']": "nothing after the loop can fail",
    "mkdocs_integrations.scan.lexing._RUNS['hash']": "nothing after the loop can fail",
    "mkdocs_integrations.scan.lexing._RUNS['php']": "nothing after the loop can fail",
    # `\\1` is the opening quote, which `[^'"\\n]*` cannot match; the check reads a
    # back-reference as any character.
    "mkdocs_integrations.scan.detectors.manifest_ruby._VERSIONS": "the back-reference is a quote",
    # The `{`-placeholders start alike (`{{x}}`, `{x}`) but each is bounded ({1,40}) and ends
    # in `}`, which no iteration starts with: one reading survives; `\\w*+` is possessive.
    "mkdocs_integrations.scan.detectors.url_literals._TEMPLATED_URL": "bounded placeholders ending in `}`",
    "mkdocs_integrations.scan.detectors.url_literals._RELATIVE_URL": "_TEMPLATED_URL's host after `//`",
    # A flag's value `\\s+(?!-)...` and the next flag `\\s+-...` both start with spaces, but
    # the look-ahead sends each token one way (the check does not read look-aheads).
    "catalog.services['kubernetes'].deploy_steps[0]": "(?!-) separates a value from the next flag",
    # `\\\\[rn]`: `r`/`n` only after a backslash, which a header name `[\\w-]+` cannot hold;
    # the header value is possessive (`*+`).
    "secrets rules.rules[55].regex": "r/n follow a backslash only",
}


def nested_problems(pattern: str, flags: int) -> list[str]:
    return [p for p in analyse(pattern, flags) if p.startswith("nested")]


def test_the_collection_holds_the_scanner_regexes():
    found = scanner_regexes()
    origins = set(found.values())
    assert len(found) > 500  # module globals, ~840 catalog regexes, the rules
    assert any(o.startswith("catalog.services") for o in origins)
    assert any(o.startswith("secrets rules") for o in origins)
    assert "mkdocs_integrations.scan.detectors.url_literals._PLACEHOLDER_VALUE" in origins


def test_no_scanner_regex_nests_ambiguous_unbounded_repeats():
    bad = []
    for (pattern, flags), origin in sorted(scanner_regexes().items(), key=lambda kv: kv[1]):
        if origin in ALLOWED:
            continue
        problems = nested_problems(pattern, flags)
        if problems:
            bad.append(f"{origin}: {pattern!r}: {problems[0]}")
    assert not bad, "regexes that can backtrack exponentially:\n" + "\n".join(bad)


def test_every_allowed_regex_is_still_there_and_still_flagged():
    found = {origin: key for key, origin in scanner_regexes().items()}
    for origin in ALLOWED:
        assert origin in found, origin
        assert nested_problems(*found[origin]), f"{origin} passes now: drop it from ALLOWED"


@pytest.mark.parametrize("pattern", [
    r"""['"](?:your|my)[-_ ](?:[a-z]+[-_ ]?)*(?:key|secret)['"]""",  # the storybook hang
    r"(?:a+)+b", r"(?:[a-z]+,?)+;", r"(?:x?x)*y", r"(?:a|aa)*b", r"(?:a+\.a*)*!",
    r"http://((?:[a-z0-9-]|\$[a-z_]\w*)+(?:\.[a-z]+)+)",  # _TEMPLATED_URL before `\w*+`
    r"kubectl(?:\s+-{1,2}[\w-]+(?:=\S+|\s+[\w.$/{}-]+)?)*\s+apply",  # a value or the next flag
    r"(?:[ \t]+[^\n]*\n)*?[ \t]+version",  # the yarn.lock entry before its lines were possessive
])
def test_the_check_rejects_exponential_shapes(pattern):
    assert nested_problems(pattern, 0)


@pytest.mark.parametrize("pattern", [
    r"(?:\.[a-z]+)+", r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+com", r"(?:\\.|[^\"\\])*\"",
    r"(?>a+)+b", r"(?:a++)+b", r"(?:get|post)+", r"(?:\s*,\s*\w+)*;", r"(?:x(?:\.y)?)*z",
    r"""['"](?:your|my)[-_ ][a-z_ -]{0,60}?(?:key|secret)['"]""",
    r"(?:[ \t][^\n]*+\n)*?[ \t]++version",  # its fix: one indent character, the rest possessive
])
def test_the_check_passes_linear_shapes(pattern):
    assert not nested_problems(pattern, 0)
