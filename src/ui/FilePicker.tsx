import { useRef } from 'react';

/** What a scenario file picker offers. */
export const SCENARIO_ACCEPT = '.geojson,.json,application/geo+json,application/json';

/** A button that opens the file chooser (the input itself hidden); the same file can be picked again. */
export function FilePicker(props: { label: string; accept: string; testid: string; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="seg" onClick={() => input.current?.click()}>
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={props.accept}
        data-testid={props.testid}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
    </>
  );
}
