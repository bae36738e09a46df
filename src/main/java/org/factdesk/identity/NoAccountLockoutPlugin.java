package org.factdesk.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Turns off the process engine's lock-out of an account after wrong passwords. It counts per account, so anyone who
 * knows a user name could lock that user out, admin included, without ever signing in; {@link SignInThrottle} slows
 * down the client that guesses instead.
 */
class NoAccountLockoutPlugin extends AbstractProcessEnginePlugin {

    /** Never reached: the engine counts every wrong password and locks the account for good at this many. */
    static final int LOGIN_MAX_ATTEMPTS = Integer.MAX_VALUE;
    /** The engine waits {@code min(base * factor^(attempts - 1), maxTime)} seconds after a wrong password: none. */
    static final int LOGIN_DELAY_BASE = 0;
    static final int LOGIN_DELAY_FACTOR = 1;
    static final int LOGIN_DELAY_MAX_TIME = 0;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(LOGIN_MAX_ATTEMPTS);
        configuration.setLoginDelayBase(LOGIN_DELAY_BASE);
        configuration.setLoginDelayFactor(LOGIN_DELAY_FACTOR);
        configuration.setLoginDelayMaxTime(LOGIN_DELAY_MAX_TIME);
    }

    @Override
    public String toString() {
        return "FactDesk: no account lock-out";
    }
}
