// What a publish form shows when the hub refuses: each problem on its field, the grants that hold on to a field the
// change removes, or else the refusal in words.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { fieldProblemsOf, landProblems } from '../../common/errors/fieldProblems';
import { usedByGrantsOf, type UsedByGrants } from './UsedByGrantsAlert';

export function usePublishRefusal(form: FormInstance) {
  const [error, setError] = useState<unknown>(null);
  const [usedByGrants, setUsedByGrants] = useState<UsedByGrants[]>([]);
  return {
    /** For the ProblemList: a refusal that no field and no grant list could show. */
    error,
    usedByGrants,
    reset() {
      setError(null);
      setUsedByGrants([]);
    },
    show(refusal: unknown) {
      const problems = fieldProblemsOf(refusal);
      // A problem on an input the form does not show (or one it cannot place) falls back to the refusal's words.
      if (problems.length && landProblems(form, problems).length === 0) return;
      const used = usedByGrantsOf(refusal);
      if (used.length) return void setUsedByGrants(used);
      setError(refusal);
    },
  };
}
