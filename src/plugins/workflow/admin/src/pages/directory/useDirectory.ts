import { useCallback, useEffect, useState } from 'react';
import {
  listDirectoryOrganizations,
  listStaffProfiles,
  type Organization,
  type StaffProfile,
} from '../../api/directory';
import { listDefinitions } from '../../api/definitions';
import { explain } from '../../api/orders';

/** A save's outcome as the page shows it beside the button. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/** A refusal: the first field's problem, or the engine's message. */
export const failure = (error: unknown): Outcome => {
  const e = explain(error);
  return { ok: false, text: Object.values(e.fields)[0] ?? e.message };
};

/** The organizations and staff (loaded again after each change), and the job roles a profile may hold. */
export const useDirectory = () => {
  const [orgs, setOrgs] = useState<Organization[]>([]);
  const [staff, setStaff] = useState<StaffProfile[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  const [roleLabels, setRoleLabels] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    listDirectoryOrganizations()
      .then(setOrgs)
      .catch(() => setOrgs([]));
    listStaffProfiles()
      .then(setStaff)
      .catch(() => setStaff([]));
  }, []);
  useEffect(() => {
    load();
    listDefinitions()
      .then((d) => {
        setRoles(d.meta.roles);
        setRoleLabels(d.meta.roleLabels);
      })
      .catch(() => setRoles([]));
  }, [load]);
  return { orgs, staff, roles, roleLabels, load };
};
