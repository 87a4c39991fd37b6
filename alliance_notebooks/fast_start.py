"""Start-up of the command line and its local workers: skip one slow import they never use."""

from __future__ import annotations

import sys


def skip_iri_grammars() -> None:
    """Keep jsonschema, which nbformat imports, from compiling rfc3987-syntax's IRI grammars.

    That costs over a second of CPU in every process (python-jsonschema/jsonschema#1428), and
    nothing the command line or its workers validates uses the ``iri`` formats. Kernels are
    processes of their own and keep them.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None: "import rfc3987_syntax" fails
