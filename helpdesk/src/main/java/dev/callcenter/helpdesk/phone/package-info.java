/** Phone-number normalisation shared by caller identification and customer records. */
package dev.callcenter.helpdesk.phone;
