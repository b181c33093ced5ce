"""The command line as a user meets it: basic commands, the README's examples, text layout, what-if and the code base's lint."""
