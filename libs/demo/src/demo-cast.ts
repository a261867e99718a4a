import type { AuthUser } from '@app/common';
import type { Organization } from '@app/organizations';
import type { Project } from '@app/projects';
import { DEMO_ORGANIZATIONS } from './demo-organizations.js';

/** A date `offset` days from now. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);

/** The demo's people and what they created so far, by the keys the demo data uses. */
export class DemoCast {
  /** Accounts by handle (the part of the e-mail address before the @). */
  readonly users = new Map<string, AuthUser>();
  /** Organizations by their demo key. */
  readonly organizations = new Map<string, Organization>();
  /** Projects in the order they were registered, with the key of their organization. */
  readonly projects: Array<{ project: Project; orgKey: string }> = [];

  user(handle: string): AuthUser {
    const user = this.users.get(handle);
    if (!user) throw new Error(`No demo account "${handle}"`);
    return user;
  }

  org(key: string): Organization {
    const organization = this.organizations.get(key);
    if (!organization) throw new Error(`No demo organization "${key}"`);
    return organization;
  }

  /** The OWNER who acts for the organization in the demo. */
  ownerOf(key: string): AuthUser {
    const d = DEMO_ORGANIZATIONS.find((o) => o.key === key);
    if (!d) throw new Error(`No demo organization "${key}"`);
    return this.user(d.owner);
  }
}
