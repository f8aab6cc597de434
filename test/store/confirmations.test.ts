import type { ConfirmationStore } from '../../src/store/confirmations';
import { MemoryConfirmationStore } from '../../src/store/memoryConfirmations';
import { confirmationContract } from './confirmationsContract';

describe('MemoryConfirmationStore', () => {
  confirmationContract({
    async open(limits, handles = 1) {
      // One process: every handle is the same object.
      const store: ConfirmationStore = new MemoryConfirmationStore(limits);
      return { store, handles: Array.from({ length: handles }, () => store) };
    },
    async dispose() {},
  });
});
