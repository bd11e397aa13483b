/** The IVR's menus as data: parsed from {@code config/ivr-menus.conf} and validated at start. */
package dev.callcenter.cti.ivr.menu;
