"""``python -m counterclaim`` runs the command-line interface, as the ``counterclaim`` script does."""

from counterclaim.cli import main

if __name__ == "__main__":
    main()
