# A script run by hand to train the model; the app never imports it.
import torch

print(torch.__version__)
