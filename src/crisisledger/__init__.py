"""crisisledger: news reports about wars and crises in, a sourced event ledger out.

The public surface is small and pinned by a test; everything else is private to the package.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
