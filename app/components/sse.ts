/** Incremental parser for a text/event-stream body (the subset servers send: event, data). */

export interface SseMessage {
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; complete events are passed to the callback. */
  push(text: string): void;
  /** Flushes an event left without its closing blank line. */
  end(): void;
}

export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = "";
  let event = "";
  let data: string[] = [];

  const dispatch = () => {
    if (data.length > 0) onMessage({ event: event || "message", data: data.join("\n") });
    event = "";
    data = [];
  };

  const line = (text: string) => {
    if (text === "") return dispatch();
    if (text.startsWith(":")) return; // comment / keep-alive
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  };

  return {
    push(text) {
      buffer += text;
      // a trailing "\r" may be the first half of "\r\n": wait for the next chunk
      const limit = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      const pattern = /\r\n|\r|\n/g;
      let start = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(buffer)) !== null && match.index < limit) {
        line(buffer.slice(start, match.index));
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer.length > 0) line(buffer.replace(/\r$/, ""));
      buffer = "";
      dispatch();
    },
  };
}
