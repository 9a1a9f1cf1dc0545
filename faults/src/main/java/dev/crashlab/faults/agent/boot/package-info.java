/**
 * The one class injected into the bootstrap class loader: the door between advice inlined into
 * the JDK's classes and the harness. Part of the record step; depends on nothing but the JDK.
 */
package dev.crashlab.faults.agent.boot;
