"use client";

import { useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from "react";
import { SendIcon, StopIcon } from "./icons";
import { LIMITS } from "@/lib/contract";
import { usePreferences } from "./preferences";

const MAX_LENGTH = LIMITS.questionChars;

export interface ComposerHandle {
  focus(): void;
}

/** The question box: Enter sends, Shift+Enter adds a line; Stop replaces Send while answering. */
export function Composer({
  busy,
  onSend,
  onStop,
  ref,
}: {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  ref?: Ref<ComposerHandle>;
}) {
  const { t } = usePreferences();
  const [value, setValue] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);

  useImperativeHandle(ref, () => ({ focus: () => area.current?.focus() }), []);

  // grow with the text (up to a limit); re-measure when the width or placeholder changes
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const fit = () => {
      el.style.height = "auto";
      el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, [value, t.inputPlaceholder]);

  const submit = () => {
    if (busy || !value.trim()) return;
    onSend(value);
    setValue("");
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="question" className="visually-hidden">
        {t.inputLabel}
      </label>
      <div className="composer-box">
        <textarea
          id="question"
          ref={area}
          name="question"
          rows={1}
          maxLength={MAX_LENGTH}
          value={value}
          placeholder={t.inputPlaceholder}
          aria-describedby="question-hint"
          autoComplete="off"
          enterKeyHint="send"
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {busy ? (
          <button type="button" className="icon-button composer-action composer-stop" onClick={onStop}>
            <StopIcon />
            <span className="visually-hidden">{t.stop}</span>
          </button>
        ) : (
          <button type="submit" className="icon-button composer-action composer-send" disabled={!value.trim()}>
            <SendIcon />
            <span className="visually-hidden">{t.send}</span>
          </button>
        )}
      </div>
      <p id="question-hint" className="composer-hint">
        <span className="hint-keys">{t.inputHint}</span>
        <span className="hint-disclaimer">{t.disclaimer}</span>
      </p>
    </form>
  );
}
