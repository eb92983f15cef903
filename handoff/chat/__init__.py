"""The resident web chat: page, socket.io (Rasa's SocketIO protocol plus resume), callbacks."""
