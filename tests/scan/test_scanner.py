"""The Scanner's own duties: one file's trouble stays that file's."""


def test_a_detector_failing_on_one_file_is_a_warning_and_the_others_still_run(tmp_path):
    """A detector's bug on an odd file must not stop `mkdocs build`; the warning names the file
    and the detector, never the exception's message (it may quote the file's text)."""
    from mkdocs_integrations.scan import Scanner
    from mkdocs_integrations.scan.detectors import DETECTORS
    from mkdocs_integrations.scan.detectors.base import Detector
    from mkdocs_integrations.scan.walk import WalkedFile

    app = tmp_path / "billing.py"
    app.write_text("import stripe\nSECRET = 'sk_live_" + "x" * 24 + "'\n")

    def explode(src, ctx):
        raise TypeError(f"cannot add {src.text!r}")
        yield  # a generator, like every detector

    broken = Detector(name="broken", accepts=lambda rel, name, ctx: True, detect=explode)
    code = next(d for d in DETECTORS if d.name == "code")
    scanner = Scanner(use_gate=False)
    scanner._accepting["billing.py"] = [broken, code]
    st = app.stat()
    result = scanner._scan_file(WalkedFile(str(app), "billing.py", st.st_size, st.st_mtime_ns))
    assert result.warnings == (
        "billing.py: the broken detector failed on this file (TypeError); skipped by it, please report this",)
    assert any(e.name == "stripe" for e in result.evidence)  # the code detector still ran
    assert "sk_live" not in repr(result.warnings)
