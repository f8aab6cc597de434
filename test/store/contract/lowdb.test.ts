import { lowdbFactory } from './factories';
import { storeContract } from './storeContract';

describe('PolicyStore contract: lowdb', () => storeContract(lowdbFactory));
