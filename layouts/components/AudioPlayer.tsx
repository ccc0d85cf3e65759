/** @jsxRuntime automatic @jsxImportSource preact */
import type { AudioVersion } from "../../src/content/model.ts";

export type AudioPlayerProps = { audio: AudioVersion; title: string };

export function AudioPlayer({ audio, title }: AudioPlayerProps) {
  return (
    <section class="audio" data-component="audio" aria-labelledby="audio-heading">
      <h2 class="audio__heading" id="audio-heading">Listen to this article</h2>
      <audio controls preload="none" aria-label={`Audio version: ${title}`}>
        <source src={audio.url} type={audio.mimeType} />
        <a href={audio.url}>Download the audio version</a>
      </audio>
      <p class="audio__disclosure">{audio.disclosure}</p>
    </section>
  );
}
