import { z } from "zod";
import { historyTurnSchema } from "../contract";

export const goldenSchema = z.object({
  description: z.string().optional(),
  thresholds: z.object({
    hitAt5: z.number().min(0).max(1),
    citationIntegrity: z.number().min(0).max(1),
    offTopicAbstention: z.number().min(0).max(1),
    falseAbstention: z.number().min(0).max(1),
    factInAnswer: z.number().min(0).max(1).optional(),
  }),
  questions: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(["fact", "paraphrase", "english", "followup", "offtopic"]),
        question: z.string().min(1),
        history: z.array(historyTurnSchema).optional(),
        expected: z.string().nullable(),
        /** What a right answer contains (folded comparison); several when the question asks several things. */
        fact: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).nullable(),
      }),
    )
    .min(1),
});

export type Golden = z.infer<typeof goldenSchema>;
export type GoldenQuestion = Golden["questions"][number];

/** The facts a right answer to a question contains (none for an off-topic question). */
export function factsOf(q: Pick<GoldenQuestion, "fact">): string[] {
  return q.fact === null ? [] : typeof q.fact === "string" ? [q.fact] : q.fact;
}
