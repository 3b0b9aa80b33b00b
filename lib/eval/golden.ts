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
        fact: z.string().nullable(),
      }),
    )
    .min(1),
});

export type Golden = z.infer<typeof goldenSchema>;
export type GoldenQuestion = Golden["questions"][number];
