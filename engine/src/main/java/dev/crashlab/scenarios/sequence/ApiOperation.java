package dev.crashlab.scenarios.sequence;

import java.util.List;

/**
 * One operation of the user's API as a sequence uses it: its name, the small domain of each
 * argument, and what it does to the store and to the model.
 *
 * @param acknowledged whether the store promises the operation once it returns (a crash after it
 *                     must not lose it), e.g. a commit, where a put before it is not promised
 */
record ApiOperation(String name, List<List<?>> domains, Action store, Action model, boolean acknowledged) {

    /** What an operation does with its arguments, to the store's handle or to the model. */
    interface Action {
        void apply(Object on, List<Object> args) throws Exception;
    }

    ApiOperation {
        domains = List.copyOf(domains);
    }

    /** How many argument combinations it has: the product of its domains' sizes. */
    int letters() {
        int n = 1;
        for (List<?> d : domains) {
            n *= d.size();
        }
        return n;
    }

    ApiOperation acknowledged(boolean promised) {
        return new ApiOperation(name, domains, store, model, promised);
    }
}
