"""Persistent game data in one sqlite3 file: records, results, ghosts, rally saves, fields.

``Store()`` opens ``$MILLEGAME_DATA_DIR/millegame.db`` (tests), else
``$XDG_DATA_HOME/millegame/millegame.db`` (default ``~/.local/share/millegame``).
"""

from millegame.store.db import RallyExistsError, SaveError, Store, StoreNotice, data_dir, db_path

__all__ = ["RallyExistsError", "SaveError", "Store", "StoreNotice", "data_dir", "db_path"]
