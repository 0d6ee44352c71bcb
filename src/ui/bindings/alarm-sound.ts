/**
 * A short two-tone beep for the connection alarm, made with Web Audio (no sound file to load).
 * Off by default: the event team switches it on in the event settings. Browsers may refuse to play
 * before the page was used; then the visible and announced alarm is all there is.
 */
export function playAlarmSound(): void {
  const AudioContextClass = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!AudioContextClass) return;
  try {
    const context = new AudioContextClass();
    const gain = context.createGain();
    gain.gain.value = 0.2;
    gain.connect(context.destination);
    [880, 660].forEach((frequency, i) => {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(context.currentTime + i * 0.35);
      tone.stop(context.currentTime + i * 0.35 + 0.3);
    });
    // Let the tones finish before the context goes.
    setTimeout(() => void context.close(), 1_000);
  } catch {
    // No audio device or not allowed: nothing to do.
  }
}
