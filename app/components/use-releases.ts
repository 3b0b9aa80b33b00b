"use client";

import { useEffect, useState } from "react";
import { ApiError, fetchReleases, type ReleaseSummary } from "./api-client";

/**
 * The list of indexed releases, fetched once; null while loading. `error` is the server's
 * message when it gave one (e.g. no index yet), "" for other failures, null when none.
 */
export function useReleases(): { releases: ReleaseSummary[] | null; error: string | null } {
  const [releases, setReleases] = useState<ReleaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchReleases(controller.signal).then(setReleases, (cause: unknown) => {
      if (controller.signal.aborted) return;
      setError(cause instanceof ApiError && cause.status !== null ? cause.message : "");
    });
    return () => controller.abort();
  }, []);
  return { releases, error };
}
