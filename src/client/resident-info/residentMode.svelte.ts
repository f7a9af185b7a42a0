import type { Appointment } from './appointment.ts';

// Survives a reload (sessionStorage, this tab only) so reloading the page never drops a resident onto
// the roster. Holds a flag only: the appointment (personal data) is not stored.
const STORAGE_KEY = 'kartlegg.residentMode';

/** Whether the tablet is in resident mode. Only the mapper's unlock gesture ends it. */
class ResidentMode {
  active = $state(sessionStorage.getItem(STORAGE_KEY) === '1');
  appointment = $state<Appointment | undefined>(undefined);

  enter(appointment?: Appointment): void {
    this.appointment = appointment;
    this.active = true;
    sessionStorage.setItem(STORAGE_KEY, '1');
    // Full screen hides the browser's own controls; it needs this user gesture and may be refused.
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().catch(() => undefined);
    }
  }

  /** Called only by the unlock control, after the mapper's deliberate gesture. */
  leave(): void {
    this.active = false;
    this.appointment = undefined;
    sessionStorage.removeItem(STORAGE_KEY);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }
}

export const residentMode = new ResidentMode();
