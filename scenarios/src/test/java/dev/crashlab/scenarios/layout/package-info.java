/** Checks of the code's shape: the public surface, one name per concept, a package note in every package. */
package dev.crashlab.scenarios.layout;
