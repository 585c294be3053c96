// EngineIndex hands a class's session attributes down to subclasses in other modules, at any depth.
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { engineIndexer } from '../transforms/python/async-engine';
import type { EngineSummary } from '../transforms/python/scaffold/engine-index';
import { parsePython } from '../transforms/python/support/language';

function sessionAttributes(files: Record<string, string>): Record<string, Record<string, boolean>> {
  const summaries = new Map<string, EngineSummary>();
  for (const [rel, source] of Object.entries(files)) {
    summaries.set(rel, engineIndexer.summarize({ path: rel, absPath: `/repo/${rel}`, source, tree: parsePython(source), options: DEFAULT_TRANSFORM_OPTIONS }));
  }
  return engineIndexer.build(summaries, DEFAULT_TRANSFORM_OPTIONS).sessionAttributes;
}

const BASE = 'from sqlalchemy.orm import Session\n\n\nclass BaseRepo:\n    def __init__(self, session: Session) -> None:\n        self.session = session\n';

describe('session attributes inherited across modules', () => {
  test('through three modules, a local base between and a module-qualified base', () => {
    const attrs = sessionAttributes({
      'app/__init__.py': '',
      'app/base.py': BASE,
      'app/model_repo.py': 'from app.base import BaseRepo\n\n\nclass ModelRepo(BaseRepo):\n    pass\n\n\nclass NamedRepo(ModelRepo):\n    pass\n',
      'app/users.py': 'import app.model_repo as mr\n\n\nclass UserRepo(mr.NamedRepo):\n    pass\n',
      'app/admins.py': 'from .users import UserRepo\n\n\nclass AdminRepo(UserRepo):\n    pass\n',
    });
    expect(attrs['app.model_repo.NamedRepo']).toEqual({ session: false });
    expect(attrs['app.users.UserRepo']).toEqual({ session: false });
    expect(attrs['app.admins.AdminRepo']).toEqual({ session: false });
  });

  test('a cycle of imported bases ends', () => {
    const attrs = sessionAttributes({
      'a.py': 'from b import B\n\n\nclass A(B):\n    pass\n',
      'b.py': 'from a import A\nfrom sqlalchemy.orm import Session\n\n\nclass B(A):\n    def __init__(self, session: Session) -> None:\n        self.session = session\n',
    });
    expect(attrs['a.A']).toEqual({ session: false });
    expect(attrs['b.B']).toEqual({ session: false });
  });

  test('a class of no project module gives nothing', () => {
    const attrs = sessionAttributes({ 'app/users.py': 'from library import Repo\n\n\nclass UserRepo(Repo):\n    pass\n' });
    expect(attrs['app.users.UserRepo']).toBeUndefined();
  });
});
