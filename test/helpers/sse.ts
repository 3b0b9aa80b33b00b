import { createParser, type EventSourceMessage } from "eventsource-parser";

/** Parses a complete event-stream body into `{event, data}` pairs (the client's parser). */
export function parseSse(text: string): { event: string; data: string }[] {
  const out: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (m) => out.push(m) });
  parser.feed(text);
  parser.reset({ consume: true });
  return out.map((m) => ({ event: m.event ?? "message", data: m.data }));
}
