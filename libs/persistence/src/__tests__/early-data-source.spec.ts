import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner, Repository } from 'typeorm';
import { EarlyDataSource } from '../early-data-source.js';
import { EmbeddedDatabase } from '../embedded-database.js';

@Entity('early_note')
class EarlyNote {
  @PrimaryColumn()
  id!: number;

  @Column()
  text!: string;
}

class CreateEarlyNotes1700000000000 implements MigrationInterface {
  name = 'CreateEarlyNotes1700000000000';
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE early_note (id int PRIMARY KEY, text text NOT NULL)`);
    await runner.query(`INSERT INTO early_note VALUES (1, 'migrated')`);
  }
  async down(runner: QueryRunner) {
    await runner.query(`DROP TABLE early_note`);
  }
}

/**
 * EarlyDataSource, given to the application before its database is up (the embedded database's start): its
 * repositories can be made at once, queries made meanwhile wait until it is connected and migrated, and a failed
 * opening fails them and `whenOpen` with its error.
 */
describe('EarlyDataSource', () => {
  let database: EmbeddedDatabase;
  let url: string;

  beforeAll(async () => {
    database = new EmbeddedDatabase();
    url = await database.start(undefined, 4);
  });
  afterAll(() => database?.stop());

  const early = () =>
    new EarlyDataSource({
      type: 'postgres',
      entities: [EarlyNote],
      migrations: [CreateEarlyNotes1700000000000],
      migrationsRun: true,
      extra: { max: 1 },
    });

  it('makes repositories before it opens; their queries wait for the connection and the migrations', async () => {
    const dataSource = early();
    let resolveUrl!: (url: string) => void;
    await dataSource.openInBackground(new Promise<string>((resolve) => (resolveUrl = resolve)));
    const notes: Repository<EarlyNote> = dataSource.getRepository(EarlyNote);
    expect(dataSource.isInitialized).toBe(false);

    // asked before the database is known: answered once it is open and the migration has run
    const asked = Promise.all([notes.findOneByOrFail({ id: 1 }), dataSource.query(`SELECT 2 AS two`)]);
    let answered = false;
    void asked.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);

    resolveUrl(url);
    const [note, [two]] = await asked;
    expect(note).toMatchObject({ id: 1, text: 'migrated' });
    expect(two).toEqual({ two: 2 });
    await expect(dataSource.whenOpen()).resolves.toBe(dataSource);
    expect(dataSource.isInitialized).toBe(true);
    await dataSource.transaction(async (manager) => manager.save(EarlyNote, { id: 2, text: 'later' }));
    expect(await notes.count()).toBe(2);
    await dataSource.destroy();
  });

  it('runs the migrations only when one is pending', async () => {
    // migrated by the test above: opening again runs nothing (the migration would fail: its table exists)
    const again = await early().openInBackground(Promise.resolve(url));
    expect(await again.getRepository(EarlyNote).count()).toBe(2);
    // one not recorded as run: it runs
    await again.query(`DROP TABLE early_note; DELETE FROM migrations`);
    await again.destroy();
    const pending = await early().openInBackground(Promise.resolve(url));
    expect(await pending.getRepository(EarlyNote).find()).toEqual([{ id: 1, text: 'migrated' }]);
    await pending.query(`DROP TABLE early_note; DROP TABLE migrations`);
    await pending.destroy();
  });

  it('fails the queries that waited, and whenOpen, with the opening’s error', async () => {
    const dataSource = early();
    await dataSource.openInBackground(Promise.reject(new Error('the embedded database did not start')));
    await expect(dataSource.getRepository(EarlyNote).count()).rejects.toThrow('the embedded database did not start');
    await expect(dataSource.whenOpen()).rejects.toThrow('the embedded database did not start');
    expect(dataSource.isInitialized).toBe(false);
  });
});
