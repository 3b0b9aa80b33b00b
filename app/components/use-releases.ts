"use client";

import { useEffect, useState } from "react";
import { fetchReleases, type ReleaseSummary } from "./api-client";

/** The list of indexed releases, fetched once; null while loading. */
export function useReleases(): { releases: ReleaseSummary[] | null; error: boolean } {
  const [releases, setReleases] = useState<ReleaseSummary[] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetchReleases(controller.signal).then(setReleases, () => {
      if (!controller.signal.aborted) setError(true);
    });
    return () => controller.abort();
  }, []);
  return { releases, error };
}
