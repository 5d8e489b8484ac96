// What editors would do in the admin, for the browser tests of the front page: three sections
// first (the demo's own sections, if any, move after them),
// the demo's articles filed under them, one story with a picture featured. Written straight
// into the demo database (the server re-reads sections as pages render; kept pages expire in
// 2 s).
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.executescript("""
UPDATE sections SET position = position + 100
  WHERE slug NOT IN ('nasional', 'budaya', 'teknologi');
INSERT INTO sections (slug, name, position, created_at) VALUES
  ('nasional', 'Nasional', 1, 0), ('budaya', 'Budaya', 2, 0), ('teknologi', 'Teknologi', 3, 0)
  ON CONFLICT (slug) DO UPDATE SET name = excluded.name, position = excluded.position;
UPDATE articles SET section_id = (SELECT id FROM sections WHERE position = 1 + (articles.id / 3) % 3);
UPDATE articles SET featured_at = 1
  WHERE id = (SELECT max(id) FROM articles WHERE lead_media_id > 0);
""")
con.commit()
`;

export async function fileDemoIntoSections(db) {
  const r = spawnSync('python3', ['-c', SCRIPT, db.replace(/^sqlite:/, '')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`filing the demo into sections failed: ${r.stderr}`);
  await new Promise((resolve) => setTimeout(resolve, 2500));  // the kept front page expires
}
