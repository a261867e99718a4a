import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, ObjectLiteral } from 'typeorm';
import { BadInputError } from '@app/common';
import { CapacityAreaInfo, Country, Language, Sdg, Theme } from './reference.entities.js';

export interface ReferenceLoaders {
  country: DataLoader<string, Country | null>;
  language: DataLoader<string, Language | null>;
  theme: DataLoader<string, Theme | null>;
  sdg: DataLoader<number, Sdg | null>;
}

declare module '@app/common' {
  interface RequestLoaders {
    reference: ReferenceLoaders;
  }
}

/** Every row of the reference tables, keyed by code (number for SDGs). */
interface Tables {
  country: Map<string, Country>;
  language: Map<string, Language>;
  theme: Map<string, Theme>;
  sdg: Map<number, Sdg>;
}

/**
 * Reference data: lists, validation of codes in inputs, and per-request loaders. The tables are
 * written by migrations only, so the process reads each once (four statements, at first use) and
 * answers from memory after that: a page of organizations no longer looks its countries and themes
 * up in the database.
 */
/** The sentence of an unknown code, by table (in the request's language: BadInputError's text). */
const UNKNOWN_CODE = {
  country: 'validation.unknownCountry',
  language: 'validation.unknownLanguage',
  theme: 'validation.unknownTheme',
} as const;

@Injectable()
export class ReferenceDataService {
  private loaded?: Promise<Tables>;
  /** The tables once read (loaders answer from them without a batch). */
  private inMemory?: Tables;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private tables(): Promise<Tables> {
    this.loaded ??= (async () => {
      const all = <V extends ObjectLiteral>(entity: { new (): V }) => this.dataSource.getRepository<V>(entity).find();
      const [countries, languages, themes, sdgs] = await Promise.all([
        all(Country),
        all(Language),
        all(Theme),
        all(Sdg),
      ]);
      return (this.inMemory = {
        country: new Map(countries.map((row) => [row.code, row])),
        language: new Map(languages.map((row) => [row.code, row])),
        theme: new Map(themes.map((row) => [row.code, row])),
        sdg: new Map(sdgs.map((row) => [row.number, row])),
      });
    })().catch((error: unknown) => {
      this.loaded = undefined; // a failed read (database down) is tried again by the next request
      throw error;
    });
    return this.loaded;
  }

  private async sorted<K extends keyof Tables>(
    table: K,
  ): Promise<Array<Tables[K] extends Map<unknown, infer V> ? V : never>> {
    const rows = [...(await this.tables())[table].values()] as Array<Country | Language | Theme | Sdg>;
    return rows.sort((a, b) =>
      'number' in a ? a.number - (b as Sdg).number : (a as Country).name.localeCompare((b as Country).name, 'en'),
    ) as never;
  }

  countries(): Promise<Country[]> {
    return this.sorted('country');
  }
  languages(): Promise<Language[]> {
    return this.sorted('language');
  }
  themes(): Promise<Theme[]> {
    return this.sorted('theme');
  }
  sdgs(): Promise<Sdg[]> {
    return this.sorted('sdg');
  }
  capacityAreas() {
    return this.dataSource.getRepository(CapacityAreaInfo).find({ order: { name: 'ASC' } });
  }

  /** BAD_USER_INPUT naming the field and the first unknown country code. */
  assertCountries(field: string, codes: readonly string[] | null | undefined): Promise<void> {
    return this.assertCodes('country', field, codes);
  }
  assertLanguages(field: string, codes: readonly string[] | null | undefined): Promise<void> {
    return this.assertCodes('language', field, codes);
  }
  assertThemes(field: string, codes: readonly string[] | null | undefined): Promise<void> {
    return this.assertCodes('theme', field, codes);
  }
  assertSdgs(field: string, numbers: readonly number[] | null | undefined): void {
    const bad = (numbers ?? []).find((n) => !Number.isInteger(n) || n < 1 || n > 17);
    if (bad !== undefined)
      throw new BadInputError(
        field,
        `${field}: ${bad} is not an SDG (1..17)`,
        { code: bad },
        {
          key: 'validation.notAnSdg',
          params: { field, code: String(bad) },
        },
      );
  }

  private async assertCodes(
    table: 'country' | 'language' | 'theme',
    field: string,
    codes: readonly string[] | null | undefined,
  ): Promise<void> {
    if (!codes || codes.length === 0) return;
    const known = (await this.tables())[table];
    const unknown = codes.find((code) => !known.has(code));
    if (unknown !== undefined) {
      throw new BadInputError(
        field,
        `${field}: unknown ${table} code "${unknown}"`,
        { code: unknown },
        {
          key: UNKNOWN_CODE[table],
          params: { field, code: unknown },
        },
      );
    }
  }

  createLoaders(): ReferenceLoaders {
    const byKey = <K extends keyof Tables>(table: K) =>
      new ReferenceLoader(
        () => this.inMemory?.[table] as Map<unknown, unknown> | undefined,
        async (keys: readonly unknown[]) => {
          const rows = (await this.tables())[table] as Map<unknown, unknown>;
          return keys.map((key) => rows.get(key) ?? null);
        },
      ) as unknown as DataLoader<
        Tables[K] extends Map<infer C, unknown> ? C : never,
        Tables[K] extends Map<unknown, infer V> ? V | null : never
      >;
    return {
      country: byKey('country'),
      language: byKey('language'),
      theme: byKey('theme'),
      sdg: byKey('sdg'),
    };
  }
}

/**
 * A loader of reference rows: the first requests batch as any DataLoader does; once the process holds
 * the tables (read once, never changed but by migrations) it answers from them, without a batch,
 * a promise per key or a per-request cache. `rowsOf` answers a list at once (loadAll).
 */
export class ReferenceLoader<K, V> extends DataLoader<K, V | null> {
  constructor(
    private readonly inMemory: () => Map<K, V> | undefined,
    batch: (keys: readonly K[]) => Promise<Array<V | null>>,
  ) {
    super(batch);
  }

  override load(key: K): Promise<V | null> {
    const rows = this.inMemory();
    return rows ? Promise.resolve(rows.get(key) ?? null) : super.load(key);
  }

  override loadMany(keys: ArrayLike<K>): Promise<Array<V | null | Error>> {
    const rows = this.inMemory();
    return rows ? Promise.resolve(Array.from(keys, (key) => rows.get(key) ?? null)) : super.loadMany(keys);
  }

  /** The known rows of `keys`, in their order, when the tables are in memory; undefined before. */
  rowsOf(keys: readonly K[]): V[] | undefined {
    const rows = this.inMemory();
    if (!rows) return undefined;
    const found: V[] = [];
    for (const key of keys) {
      const row = rows.get(key);
      if (row) found.push(row);
    }
    return found;
  }
}

/**
 * Resolves a list of codes to rows through a loader, dropping unknown codes. From a ReferenceLoader
 * whose tables are in memory the rows come at once, not as a promise: a directory page resolves 150
 * such lists, and GraphQL completes a plain value without waiting for the next microtask.
 */
export function loadAll<K, V>(
  loader: DataLoader<K, V | null>,
  keys: readonly K[] | null | undefined,
): V[] | Promise<V[]> {
  if (!keys || keys.length === 0) return [];
  const known = loader instanceof ReferenceLoader ? (loader as ReferenceLoader<K, V>).rowsOf(keys) : undefined;
  if (known) return known;
  return loader.loadMany(keys).then((rows) => rows.filter((row): row is V => !!row && !(row instanceof Error)));
}
