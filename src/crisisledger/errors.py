"""One exception tree with stable codes; the CLI prints `crisisledger: INPUT: reason [CODE]`.

CrisisLedgerError
├── InputError            (input the program cannot read; a batch skips it and goes on)
│   ├── EmptyInputError       EMPTY
│   ├── BinaryInputError      BINARY
│   ├── DecodeInputError      DECODE
│   ├── NoDateError           NO_DATE
│   └── TooLargeError         TOO_LARGE
├── GoldError             GOLD     (a gold file that does not follow gold-format.md)
├── LedgerError           LEDGER   (the store cannot be opened or migrated)
├── LexiconError          LEXICON  (a lexicon file that breaks its schema)
└── ModelMissingError     MODEL    (no spaCy pipeline installed)
"""

from __future__ import annotations


class CrisisLedgerError(Exception):
    code = "ERROR"


class InputError(CrisisLedgerError):
    code = "INPUT"


class EmptyInputError(InputError):
    code = "EMPTY"


class BinaryInputError(InputError):
    code = "BINARY"


class DecodeInputError(InputError):
    code = "DECODE"


class NoDateError(InputError):
    code = "NO_DATE"


class TooLargeError(InputError):
    code = "TOO_LARGE"


class GoldError(CrisisLedgerError):
    code = "GOLD"


class LedgerError(CrisisLedgerError):
    code = "LEDGER"


class LexiconError(CrisisLedgerError):
    code = "LEXICON"


class ModelMissingError(CrisisLedgerError):
    code = "MODEL"
