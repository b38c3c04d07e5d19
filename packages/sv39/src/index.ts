export {
  ACCESS_FAULT,
  MODE_SV39,
  MODE_SV48,
  PAGE_FAULT,
  type PhysicalMemory,
  peekTranslate,
  permitted,
  Sv39Mmu,
  type Sv39Options,
  type TranslateRequest,
} from "./sv39.js";
